using System;
using System.Linq;
using GrokContracts.Generators.Diagnostics;
using GrokContracts.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Generators.Tests;

/// <summary>
/// GRK100-GRK103 come from the generator (so they reach <c>dotnet build</c> even when the spec's missing types make
/// the compilation fail), once each, at the spec's own line and column; clean specs give nothing; nothing throws.
/// </summary>
public sealed class SpecDiagnosticTests
{
    private const StringComparison Ordinal = StringComparison.Ordinal;

    [Fact]
    public void Clean_shipped_specs_give_no_diagnostics()
    {
        Assert.Empty(SpecDiagnosticRunner.Run(TestSpecs.Official, TestSpecs.Beta));
    }

    [Fact]
    public void GRK100_is_reported_once_at_the_alias()
    {
        const string text = "specVersion: 1\nmodel: broken\nsummary: &common broken\n";
        var diagnostic = Assert.Single(SpecDiagnosticRunner.Run(new SpecInput("/project/broken.yaml", text)));

        Assert.Equal("GRK100", diagnostic.Id);
        AssertAt(diagnostic, "/project/broken.yaml", text, line: 2, column: text.Split('\n')[2].IndexOf('&', Ordinal));
    }

    [Fact]
    public void GRK101_is_reported_once_at_its_line_and_column_with_a_matching_text_span()
    {
        var lines = TestSpecs.OfficialText.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("nonEmpty: true", Ordinal));
        lines[line] = lines[line].Replace("nonEmpty: true", "nonEmpty: [1, 2]", Ordinal);
        var text = string.Join('\n', lines);

        var diagnostic = Assert.Single(SpecDiagnosticRunner.Run(new SpecInput("/project/contracts/official.yaml", text)));

        Assert.Equal("GRK101", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        AssertAt(diagnostic, "/project/contracts/official.yaml", text, line, lines[line].IndexOf('[', Ordinal));
        Assert.Equal("https://github.com/grokcontracts/grokcontracts/blob/main/docs/rules/GRK101.md", diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void GRK102_for_a_parameter_that_collides_with_a_generated_member_and_no_output()
    {
        // "validate" becomes the property Validate, which the request type already declares as a method.
        var text = TestSpecs.BetaText.Replace("  nsfw_checker:\n", "  validate:\n", Ordinal);
        Assert.NotEqual(TestSpecs.BetaText, text);
        var spec = new SpecInput("/project/beta.yaml", text);

        var diagnostic = Assert.Single(SpecDiagnosticRunner.Run(spec));
        Assert.Equal("GRK102", diagnostic.Id);
        Assert.Contains("'Validate'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Ordinal);
        AssertAt(diagnostic, "/project/beta.yaml", text, text.Split('\n').ToList().IndexOf("  validate:"), 2);
        Assert.Empty(GeneratorRunner.Run([spec]).Sources);
    }

    [Fact]
    public void GRK103_for_two_project_specs_with_the_same_model_id_points_at_the_later_model_value()
    {
        var first = new SpecInput("/project/a/spec.yaml", TestSpecs.OfficialText);
        var second = new SpecInput("/project/b/spec.yaml", TestSpecs.OfficialText);

        var diagnostic = Assert.Single(SpecDiagnosticRunner.Run(first, second));

        Assert.Equal("GRK103", diagnostic.Id);
        var modelLine = TestSpecs.OfficialText.Split('\n').ToList().FindIndex(l => l.StartsWith("model:", Ordinal));
        AssertAt(diagnostic, "/project/b/spec.yaml", TestSpecs.OfficialText, modelLine, "model: ".Length);
    }

    [Fact]
    public void A_broken_override_of_a_shipped_model_id_is_reported_and_the_shipped_contract_is_not_generated()
    {
        var text = TestSpecs.OfficialText.Replace("nonEmpty: true", "nonEmpty: maybe", Ordinal);
        var broken = new SpecInput("/project/official.yaml", text);

        var result = GeneratorRunner.Run([TestSpecs.Official, TestSpecs.Beta, broken]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("GRK101", diagnostic.Id);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("nonEmpty: maybe", Ordinal));
        AssertAt(diagnostic, "/project/official.yaml", text, line, text.Split('\n')[line].IndexOf("maybe", Ordinal));
        Assert.All(result.Sources, s => Assert.StartsWith("GrokImagineVideo15Beta.", s.HintName, Ordinal));
    }

    [Fact]
    public void A_project_spec_replacing_a_shipped_one_is_not_a_duplicate()
    {
        Assert.Empty(SpecDiagnosticRunner.Run(TestSpecs.Official, new SpecInput("/project/official.yaml", TestSpecs.OfficialText)));
    }

    [Fact]
    public void Files_not_marked_as_contracts_are_ignored()
    {
        Assert.Empty(SpecDiagnosticRunner.Run(new SpecInput("/project/other.yaml", "this: [is not, a spec", IsContract: false)));
    }

    [Fact]
    public void Diagnostics_of_cached_steps_are_reported_again_after_an_unrelated_edit()
    {
        var broken = new SpecInput("/project/broken.yaml", "specVersion: 1\nmodel: x\nsummary: &a b\n");
        var parseOptions = GeneratorRunner.ParseOptions();
        var compilation = GeneratorRunner.CreateCompilation(parseOptions, sources: "namespace User { public class A { } }");
        var driver = GeneratorRunner.CreateDriver([broken], parseOptions).RunGenerators(compilation);
        var first = driver.GetRunResult().Diagnostics;

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace User { public class B { } }", parseOptions));
        var second = driver.RunGenerators(edited).GetRunResult().Diagnostics;

        Assert.Equal("GRK100", Assert.Single(first).Id);
        Assert.Equal(first.Select(d => d.ToString()), second.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("- - - [")]
    [InlineData("model: &a x\nsummary: *a")]
    [InlineData("specVersion: 1\nmodel: x\nparameters:\n  duration: { type: integer, minimum: 9, maximum: 1, default: 20 }")]
    [InlineData("\0\u0001\uFFFE")]
    [InlineData("parameters:\n  prompt:\n    type: string\n    doc: \"unterminated")]
    [InlineData("model: x\r\nsummary: [\r\n")]
    public void Garbage_specs_give_diagnostics_inside_the_text_never_exceptions(string text)
    {
        var diagnostics = SpecDiagnosticRunner.Run(new SpecInput("/project/garbage.yaml", text), new SpecInput("/project/garbage2.yaml", text));

        Assert.All(diagnostics, d =>
        {
            Assert.StartsWith("GRK10", d.Id, Ordinal);
            Assert.InRange(d.Location.SourceSpan.End, 0, text.Length);
        });
        if (text.Length > 0)
        {
            Assert.NotEmpty(diagnostics);
        }
    }

    [Fact]
    public void No_analyzer_reports_spec_diagnostics_so_the_IDE_shows_each_once()
    {
        var analyzers = typeof(ContractGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();

        Assert.NotEmpty(analyzers);
        Assert.All(analyzers, a => Assert.DoesNotContain(a.SupportedDiagnostics, d => d.Id.StartsWith("GRK1", Ordinal)));
    }

    [Fact]
    public void Descriptors_have_category_description_and_help_link()
    {
        Assert.Equal(["GRK100", "GRK101", "GRK102", "GRK103", "GRK104"], DiagnosticDescriptors.SpecDescriptors.Select(d => d.Id));
        Assert.All(DiagnosticDescriptors.SpecDescriptors, d =>
        {
            Assert.Equal("GrokContracts.Spec", d.Category);
            Assert.Equal(DiagnosticDescriptors.HelpLinkBase + d.Id + ".md", d.HelpLinkUri);
            Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
            Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var opening = string.Join("\n", System.IO.File.ReadLines(System.IO.Path.Combine(Snapshot.Directory, "..", "..", "..", "docs", "rules", d.Id + ".md")).Take(6));
            Assert.Contains("Diagnostics/DiagnosticDescriptors.cs", opening, Ordinal);
            Assert.Contains("SpecDiagnosticTests.cs", opening, Ordinal);
        });
    }

    [Fact]
    public void Unshipped_release_file_lists_every_descriptor()
    {
        var path = System.IO.Path.Combine(Snapshot.Directory, "..", "..", "..", "src", "GrokContracts.Generators", "AnalyzerReleases.Unshipped.md");
        var text = System.IO.File.ReadAllText(path);
        foreach (var descriptor in DiagnosticDescriptors.SpecDescriptors)
        {
            Assert.Contains(descriptor.Id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity, text, Ordinal);
        }
    }

    /// <summary>The 0-based line and column, and a character span that points at the same place in the text.</summary>
    private static void AssertAt(Diagnostic diagnostic, string path, string text, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        var sourceText = SourceText.From(text);
        Assert.Equal(sourceText.Lines.GetPosition(span.StartLinePosition), diagnostic.Location.SourceSpan.Start);
        Assert.Equal(sourceText.Lines.GetPosition(span.EndLinePosition), diagnostic.Location.SourceSpan.End);
    }
}
