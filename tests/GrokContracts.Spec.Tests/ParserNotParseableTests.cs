using System.Text;

namespace GrokContracts.Spec.Tests;

/// <summary>GRK100: the text cannot be read as one YAML/JSON mapping, or breaks a safety limit.</summary>
public class ParserNotParseableTests
{
    [Fact]
    public void Minimal_spec_is_valid() => SpecFiles.Parse(Minimal.Spec);

    [Fact]
    public void Syntax_error_is_reported_at_its_mark() =>
        DiagnosticAssert.Single("model: x\nparameters: [a, b\n", "GRK100", 3, 1);

    [Fact]
    public void Bad_indentation_is_reported() =>
        DiagnosticAssert.Single("model: x\nsummary: s\n  nested: y\n", "GRK100", 3, 9);

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# just a comment\n")]
    public void Empty_document_is_reported_at_the_start(string text)
    {
        var diagnostic = DiagnosticAssert.Single(text, "GRK100", 1, 1);
        Assert.Contains("empty", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- a\n- b\n", 1, 1)]
    [InlineData("just a string", 1, 1)]
    [InlineData("\n\n[1, 2]", 3, 1)]
    public void Top_level_must_be_a_mapping(string text, int line, int column) =>
        DiagnosticAssert.Single(text, "GRK100", line, column);

    [Fact]
    public void Anchor_is_reported_at_the_anchor() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("    type: string\n", "    type: &t string\n"), "GRK100", 13, 11);

    [Fact]
    public void Alias_is_reported() =>
        DiagnosticAssert.Single("a: 1\nb: *x\n", "GRK100", 2, 4);

    [Fact]
    public void Anchor_on_a_mapping_is_reported() =>
        DiagnosticAssert.Single("base: &b { a: 1 }\n", "GRK100", 1, 7);

    [Fact]
    public void Tag_is_reported() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("summary: A test channel.", "summary: !!str A test channel."), "GRK100", 3, 10);

    [Fact]
    public void Second_document_is_reported() =>
        DiagnosticAssert.Single(Minimal.Spec + "---\nmodel: other\n", "GRK100", 15, 1);

    [Fact]
    public void Text_over_one_mebibyte_is_reported_at_the_start()
    {
        var text = Minimal.Spec + "doc: \"" + new string('x', ContractParser.MaxLength) + "\"\n";
        var diagnostic = DiagnosticAssert.Single(text, "GRK100", 1, 1);
        Assert.Contains("1 MiB", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Text_of_exactly_the_limit_is_read()
    {
        var prefix = Minimal.Spec + "doc: \"";
        var text = prefix + new string('x', ContractParser.MaxLength - prefix.Length - 2) + "\"\n";
        Assert.Equal(ContractParser.MaxLength, text.Length);
        Assert.Empty(ContractParser.Parse(text, "spec.yaml").Diagnostics);
    }

    [Fact]
    public void Nesting_of_64_is_read_and_65_is_reported()
    {
        // doc: is a string key, so the nested value is a schema error, not a GRK100: the limit is exactly 64.
        var ok = "a: " + new string('[', 63) + new string(']', 63) + "\n";
        var okResult = ContractParser.Parse(ok, "spec.yaml");
        Assert.DoesNotContain(okResult.Diagnostics, d => d.Id == "GRK100");
        var deep = "a: " + new string('[', 64) + new string(']', 64) + "\n";
        DiagnosticAssert.Single(deep, "GRK100", 1, 67);
    }

    [Fact]
    public void Tab_indentation_is_reported() =>
        Assert.Contains(ContractParser.Parse("model: x\nparameters:\n\tprompt: {}\n", "spec.yaml").Diagnostics, d => d.Id == "GRK100");

    [Fact]
    public void Null_text_is_reported_not_thrown() =>
        DiagnosticAssert.Single(null!, "GRK100", 1, 1);

    [Fact]
    public void Flow_mapping_as_key_is_reported()
    {
        var text = new StringBuilder("? { a: 1 }\n: value\n").ToString();
        DiagnosticAssert.Single(text, "GRK100", 1, 3);
    }
}

/// <summary>Errors YamlDotNet raises without a mark (e.g. an unclosed flow sequence) still point into the file.</summary>
public class ParserReaderFailureTests
{
    [Fact]
    public void Reader_failure_without_a_mark_is_reported_near_where_reading_stopped()
    {
        var text = SpecFiles.Official.Replace("minimum: 3", "minimum: [3", System.StringComparison.Ordinal);
        var line = System.Array.FindIndex(text.Split('\n'), l => l.Contains("minimum: [3", System.StringComparison.Ordinal)) + 1;

        var diagnostic = Assert.Single(ContractParser.Parse(text, "official.yaml").Diagnostics);

        Assert.Equal("GRK100", diagnostic.Id);
        Assert.InRange(diagnostic.Start.Line, line, line + 1);
        Assert.Contains("after this point", diagnostic.Message, System.StringComparison.Ordinal);
    }
}
