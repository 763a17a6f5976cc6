using System.Linq;
using GrokContracts.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;

namespace GrokContracts.Generators.Tests;

/// <summary>Which specs are generated, where, and under which names: precedence, duplicates, metadata, broken specs.</summary>
public sealed class PipelineTests
{
    [Fact]
    public void A_project_spec_replaces_the_shipped_spec_with_the_same_model_id()
    {
        var project = new SpecInput("/project/official.yaml", TestSpecs.OfficialText.Replace("requestType", "requestType", System.StringComparison.Ordinal), Namespace: "My.Contracts");
        var result = GeneratorRunner.Run([TestSpecs.Official, project]);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(4, result.Sources.Length);
        Assert.All(result.Sources, s => Assert.Contains("namespace My.Contracts", s.SourceText.ToString()));
        AssertCompiles(result);
    }

    [Fact]
    public void Of_two_project_specs_with_the_same_model_id_only_the_first_is_generated()
    {
        var first = new SpecInput("/project/a/spec.yaml", TestSpecs.OfficialText, Namespace: "First");
        var second = new SpecInput("/project/b/spec.yaml", TestSpecs.OfficialText, Namespace: "Second");
        var result = GeneratorRunner.Run([first, second]);

        Assert.Equal("GRK103", Assert.Single(result.Diagnostics).Id);
        Assert.Equal(4, result.Sources.Length);
        Assert.All(result.Sources, s => Assert.Contains("namespace First", s.SourceText.ToString()));
        AssertCompiles(result);
    }

    [Fact]
    public void Two_spec_files_with_the_same_name_in_different_folders_get_distinct_hint_names()
    {
        var official = new SpecInput("/project/a/spec.yaml", TestSpecs.OfficialText);
        var beta = new SpecInput("/project/b/spec.yaml", TestSpecs.BetaText);
        var result = GeneratorRunner.Run([official, beta]);

        Assert.Equal(8, result.Sources.Length);
        Assert.Equal(result.Sources.Length, result.Sources.Select(s => s.HintName).Distinct().Count());
        AssertCompiles(result);
    }

    [Fact]
    public void Model_ids_with_the_same_CSharp_name_get_distinct_hint_names()
    {
        var dotted = new SpecInput("/project/a.yaml", TestSpecs.BetaText.Replace("model: grok-imagine-video-1.5-beta", "model: grok-imagine-video-1.5.beta", System.StringComparison.Ordinal), Namespace: "Dotted");
        var result = GeneratorRunner.Run([TestSpecs.Beta, dotted]);

        Assert.Equal(8, result.Sources.Length);
        Assert.Equal(8, result.Sources.Select(s => s.HintName).Distinct().Count());
        Assert.Contains(result.Sources, s => s.HintName.StartsWith("GrokImagineVideo15Beta_", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_project_spec_still_replaces_the_shipped_spec()
    {
        // As ContractCatalog decides: the project's errors are reported (GRK10x), not hidden by a silent fallback.
        var broken = new SpecInput("/project/official.yaml", TestSpecs.OfficialText.Replace("maximum: 15", "maximum: fifteen", System.StringComparison.Ordinal));
        var result = GeneratorRunner.Run([TestSpecs.Official, TestSpecs.Beta, broken]);

        Assert.Contains(result.Diagnostics, d => d.Id == "GRK101");
        Assert.All(result.Diagnostics, d => Assert.Equal("/project/official.yaml", d.Location.GetLineSpan().Path));
        Assert.Equal(4, result.Sources.Length);
        Assert.All(result.Sources, s => Assert.StartsWith("GrokImagineVideo15Beta.", s.HintName, System.StringComparison.Ordinal));
    }

    [Fact]
    public void Namespace_and_visibility_metadata_apply()
    {
        var spec = TestSpecs.Official with { Namespace = "Company.Video", Visibility = "internal" };
        var result = GeneratorRunner.Run([spec]);

        var request = result.Source("GrokImagineVideo15Official.VideoGenerationRequest.g.cs");
        Assert.Contains("namespace Company.Video", request);
        Assert.Contains("internal sealed partial class VideoGenerationRequest", request);
        Assert.DoesNotContain("public sealed", request);
        Assert.Contains("internal enum AspectRatio", result.Source("GrokImagineVideo15Official.AspectRatio.g.cs"));
        AssertCompiles(result);
    }

    [Fact]
    public void Invalid_namespace_metadata_falls_back_to_the_default()
    {
        var result = GeneratorRunner.Run([TestSpecs.Official with { Namespace = "not a namespace" }]);
        Assert.Contains("namespace GrokContracts.GrokImagineVideo15Official", result.Source("GrokImagineVideo15Official.VideoGenerationRequest.g.cs"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("model: [")]
    [InlineData("specVersion: 1\nmodel: x")]
    [InlineData("\0\0\0")]
    public void A_broken_spec_generates_nothing_and_does_not_throw(string text)
    {
        var result = GeneratorRunner.Run([new SpecInput("/project/broken.yaml", text), TestSpecs.Beta]);

        Assert.All(result.Diagnostics, d => Assert.StartsWith("GRK10", d.Id, System.StringComparison.Ordinal));
        Assert.Null(result.RunResult.Results.Single().Exception);
        Assert.All(result.Sources, s => Assert.StartsWith("GrokImagineVideo15Beta.", s.HintName, System.StringComparison.Ordinal));
    }

    [Fact]
    public void Files_without_GrokContract_metadata_are_ignored()
    {
        var result = GeneratorRunner.Run([TestSpecs.Official with { IsContract = false }]);
        Assert.Empty(result.Sources);
    }

    private static void AssertCompiles(GenerationResult result)
    {
        var diagnostics = result.Compilation.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }
}
