using System.Linq;
using System.Threading.Tasks;
using GrokContracts.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;

namespace GrokContracts.Generators.Tests;

/// <summary>Spec-file problems are reported at the spec's own line and column; clean specs give nothing; the analyzer never throws.</summary>
public sealed class SpecFileAnalyzerTests
{
    [Fact]
    public async Task Clean_shipped_specs_give_no_diagnostics()
    {
        Assert.Empty(await AnalyzerRunner.RunAsync(TestSpecs.Official, TestSpecs.Beta));
    }

    [Fact]
    public async Task Schema_violation_is_reported_at_its_line_and_column()
    {
        // Line 27 of the official spec is "    nonEmpty: true"; make it a wrong type.
        var lines = TestSpecs.OfficialText.Split('\n');
        var line = System.Array.FindIndex(lines, l => l.Contains("nonEmpty: true", System.StringComparison.Ordinal));
        lines[line] = lines[line].Replace("nonEmpty: true", "nonEmpty: [1, 2]", System.StringComparison.Ordinal);
        var broken = new SpecInput("/project/contracts/official.yaml", string.Join('\n', lines));

        var diagnostics = await AnalyzerRunner.RunAsync(broken);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("GRK101", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/contracts/official.yaml", span.Path);
        Assert.Equal(line, span.StartLinePosition.Line);
        Assert.Equal(lines[line].IndexOf('[', System.StringComparison.Ordinal), span.StartLinePosition.Character);
        Assert.Equal("https://github.com/grokcontracts/grokcontracts/blob/main/docs/rules/GRK101.md", diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public async Task Parameter_names_that_collide_with_generated_members_give_GRK102_and_no_output()
    {
        // "validate" becomes the property Validate, which the request type already declares as a method.
        var text = TestSpecs.BetaText.Replace("  nsfw_checker:\n", "  validate:\n", System.StringComparison.Ordinal);
        Assert.NotEqual(TestSpecs.BetaText, text);
        var spec = new SpecInput("/project/beta.yaml", text);

        var diagnostic = Assert.Single(await AnalyzerRunner.RunAsync(spec));
        Assert.Equal("GRK102", diagnostic.Id);
        Assert.Contains("'Validate'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        var line = text.Split('\n').ToList().IndexOf("  validate:");
        Assert.Equal((line, 2), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));

        Assert.Empty(GeneratorRunner.Run([spec]).Sources);
    }

    [Fact]
    public async Task Files_not_marked_as_contracts_are_ignored()
    {
        var notAContract = new SpecInput("/project/other.yaml", "this: [is not, a spec", IsContract: false);
        Assert.Empty(await AnalyzerRunner.RunAsync(notAContract));
    }

    [Fact]
    public async Task Two_project_specs_with_the_same_model_id_give_GRK103()
    {
        var first = new SpecInput("/project/a/spec.yaml", TestSpecs.OfficialText);
        var second = new SpecInput("/project/b/spec.yaml", TestSpecs.OfficialText);

        var diagnostic = Assert.Single(await AnalyzerRunner.RunAsync(first, second));

        Assert.Equal("GRK103", diagnostic.Id);
        Assert.Equal("/project/b/spec.yaml", diagnostic.Location.GetLineSpan().Path);
        var modelLine = TestSpecs.OfficialText.Split('\n').ToList().FindIndex(l => l.StartsWith("model:", System.StringComparison.Ordinal));
        Assert.Equal(modelLine, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("model: ".Length, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
    }

    [Fact]
    public async Task A_project_spec_replacing_a_shipped_one_is_not_a_duplicate()
    {
        var project = new SpecInput("/project/official.yaml", TestSpecs.OfficialText);
        Assert.Empty(await AnalyzerRunner.RunAsync(TestSpecs.Official, project));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("- - - [")]
    [InlineData("model: &a x\nsummary: *a")]
    [InlineData("specVersion: 1\nmodel: x\nparameters:\n  duration: { type: integer, minimum: 9, maximum: 1, default: 20 }")]
    [InlineData("\0\u0001\uFFFE")]
    [InlineData("parameters:\n  prompt:\n    type: string\n    doc: \"unterminated")]
    public async Task Garbage_specs_give_diagnostics_never_exceptions(string text)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new SpecInput("/project/garbage.yaml", text), new SpecInput("/project/garbage2.yaml", text));
        Assert.All(diagnostics, d => Assert.StartsWith("GRK10", d.Id, System.StringComparison.Ordinal));
        if (text.Length > 0)
        {
            Assert.NotEmpty(diagnostics);
        }
    }

    [Fact]
    public void Descriptors_have_category_and_help_link()
    {
        var analyzer = new SpecFileAnalyzer();
        Assert.Equal(["GRK100", "GRK101", "GRK102", "GRK103"], analyzer.SupportedDiagnostics.Select(d => d.Id));
        Assert.All(analyzer.SupportedDiagnostics, d =>
        {
            Assert.Equal("GrokContracts.Spec", d.Category);
            Assert.Equal(DiagnosticDescriptors.HelpLinkBase + d.Id + ".md", d.HelpLinkUri);
            Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
        });
    }

    [Fact]
    public void Unshipped_release_file_lists_every_descriptor()
    {
        var path = System.IO.Path.Combine(Snapshot.Directory, "..", "..", "..", "src", "GrokContracts.Generators", "AnalyzerReleases.Unshipped.md");
        var text = System.IO.File.ReadAllText(path);
        foreach (var descriptor in new SpecFileAnalyzer().SupportedDiagnostics)
        {
            Assert.Contains(descriptor.Id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity, text, System.StringComparison.Ordinal);
        }
    }
}
