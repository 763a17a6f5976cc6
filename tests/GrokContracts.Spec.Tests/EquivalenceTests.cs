using System.IO;

namespace GrokContracts.Spec.Tests;

/// <summary>A contract depends on meaning only: not on YAML vs JSON, line endings, comments, whitespace or key order.</summary>
public class EquivalenceTests
{
    [Fact]
    public void Json_spec_equals_the_yaml_spec()
    {
        var json = File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Assets", "grok-imagine-video-1.5-official.json"));
        var fromJson = SpecFiles.Parse(json, "official.json");
        var fromYaml = SpecFiles.OfficialContract;
        Assert.Equal(fromYaml, fromJson);
        Assert.Equal(fromYaml.GetHashCode(), fromJson.GetHashCode());
    }

    [Fact]
    public void Compact_json_without_spaces_reads_the_same()
    {
        var json = File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Assets", "grok-imagine-video-1.5-official.json"));
        // Re-written without indentation by a writer: the tests run with reflection-based serialization switched off.
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            document.RootElement.WriteTo(writer);
        }

        var compact = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.DoesNotContain("\n", compact);
        Assert.Equal(SpecFiles.OfficialContract, SpecFiles.Parse(compact, "compact.json"));
    }

    [Fact]
    public void Crlf_equals_lf()
    {
        var lf = SpecFiles.Official.Replace("\r\n", "\n");
        var crlf = lf.Replace("\n", "\r\n");
        Assert.Equal(SpecFiles.Parse(lf), SpecFiles.Parse(crlf));
    }

    [Fact]
    public void Comments_whitespace_and_key_order_do_not_change_the_contract()
    {
        var original = SpecFiles.Official.Replace("\r\n", "\n");
        var edited = original
            .Replace("# Source of truth", "#   a different comment\n# Source of truth")
            .Replace("specVersion: 1\n", "specVersion:    1      # trailing comment\n\n\n")
            // swap two keys inside a parameter (not an ordered mapping)
            .Replace("    type: string\n    required: true\n    nonEmpty: true\n", "    nonEmpty: true\n    required: true\n    type: string\n")
            // swap two top-level sections
            .Replace("task:\n", "task:\n  # inside\n");
        Assert.NotEqual(original, edited);
        Assert.Equal(SpecFiles.Parse(original), SpecFiles.Parse(edited));
    }

    [Fact]
    public void Reordering_parameters_changes_the_contract()
    {
        // Parameter order is the wire order, so it is part of the meaning: the test above is not vacuous.
        var seed = "  seed:\n    type: integer\n";
        var promptLast = Minimal.Spec.Replace("parameters:\n", "parameters:\n" + seed);
        var promptFirst = Minimal.Spec + seed;
        Assert.NotEqual(SpecFiles.Parse(promptFirst), SpecFiles.Parse(promptLast));
    }

    [Fact]
    public void Numbers_are_equal_whatever_their_spelling()
    {
        var a = SpecFiles.Parse(Minimal.Spec.Replace("    required: true\n", "    required: true\n  n:\n    type: number\n    minimum: 3\n    maximum: 1.5e1\n"));
        var b = SpecFiles.Parse(Minimal.Spec.Replace("    required: true\n", "    required: true\n  n:\n    type: number\n    minimum: 3.000\n    maximum: 15.0\n"));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("15", ErrorTemplates.FormatNumber(b.FindParameter("n")!.Maximum!.Value));
    }

    [Fact]
    public void Two_parses_of_the_same_text_are_equal_with_equal_hash_codes()
    {
        var a = ContractParser.Parse(SpecFiles.Beta, "a.yaml");
        var b = ContractParser.Parse(SpecFiles.Beta, "a.yaml");
        Assert.NotSame(a.Contract, b.Contract);
        Assert.Equal(a, b);
        Assert.Equal(a.Contract!.GetHashCode(), b.Contract!.GetHashCode());
        Assert.NotEqual(SpecFiles.OfficialContract, SpecFiles.BetaContract);
    }
}
