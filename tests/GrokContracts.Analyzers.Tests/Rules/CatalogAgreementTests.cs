using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.Generators.Payload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>
/// The analyzers choose contracts with the generator's <c>ContractCatalog</c>: a broken project spec that overrides a
/// shipped model id leaves that id with no contract (the generator emits nothing for it), so no payload is judged
/// against the shipped contract and no "did you mean" points away from the user's spec. Broken specs are parsed once too.
/// </summary>
public sealed class CatalogAgreementTests
{
    private const string Payloads = """
        public static class Payloads
        {
            public static object Official() => new { model = "grok-imagine-video-1.5-official", prompt = "A cat", image_urls = new[] { "https://cdn.example.com/cat.png" }, duration = 20 };
            public static object Beta() => new { model = "grok-imagine-video-1.5-beta", image_urls = new[] { "https://cdn.example.com/cat.png" }, duration = 20 };
        }
        """;

    [Fact]
    public async Task A_broken_override_of_a_shipped_id_judges_nothing_for_that_id_and_is_parsed_once()
    {
        var root = "/catalog-agreement/" + Guid.NewGuid().ToString("N") + "/";
        var broken = root + "project/official.yaml";
        var texts = new (string Path, string Text, bool Shipped)[]
        {
            (root + "shipped/official.yaml", TestSpecs.Official, true),
            (root + "shipped/beta.yaml", TestSpecs.Beta, true),
            (broken, TestSpecs.Official.Replace("    maximum: 15\n", "    maximum: ten\n", StringComparison.Ordinal), false),
        };
        Assert.NotEqual(TestSpecs.Official, texts[2].Text);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(Payloads, path: "/src/Payloads.cs")],
            [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions([.. texts.Select(t => (AdditionalText)new SpecText(t.Path, t.Text))], new SpecMetadata(shipped: texts.Where(t => t.Shipped).Select(t => t.Path).ToImmutableHashSet()));

        var first = await compilation.WithAnalyzers([new PayloadAnalyzer()], options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var second = await compilation.WithAnalyzers([new PayloadAnalyzer()], options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        // Beta is still judged (duration 20 is outside 1-15); the official payload, whose winning spec is broken, is not.
        var lines = first.Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line)).ToList();
        Assert.Contains(("GRK001", 3), lines);
        Assert.DoesNotContain(lines, l => l.Line == 2);
        Assert.Equal(first.Length, second.Length);
        Assert.Equal(1, KnownContracts.ParseCount(broken));
    }
}
