using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.Generators;
using GrokContracts.Generators.Payload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>
/// Issue 6 item 3: the contracts are parsed once, not per file or per payload — a counter of actual parses proves
/// it on a compilation of many files full of payloads, and a second compilation (the user typed in C#) parses
/// nothing again. The spec paths are unique to this test, so parallel tests cannot move the counters.
/// </summary>
public sealed class ParseOnceTests
{
    [Fact]
    public async Task Specs_are_parsed_once_for_a_whole_compilation_and_not_again_after_a_CSharp_edit()
    {
        var root = "/parse-once/" + Guid.NewGuid().ToString("N") + "/";
        var official = root + "official.yaml";
        var beta = root + "beta.yaml";
        var options = Options(official, beta);
        var trees = Enumerable.Range(0, 40).Select(i => CSharpSyntaxTree.ParseText(Payloads(i), path: "/src/File" + i + ".cs")).ToList();
        var compilation = CSharpCompilation.Create("Consumer", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var diagnostics = await Analyze(compilation, options);

        // The analyzer really ran on every file: each file's payloads were checked against the parsed contracts.
        Assert.Equal(40, diagnostics.Count(d => d.Id == "GRK001"));
        Assert.Equal(40, diagnostics.Count(d => d.Id == "GRK003"));
        Assert.Equal(1, KnownContracts.ParseCount(official));
        Assert.Equal(1, KnownContracts.ParseCount(beta));

        // A keystroke in C#: a new compilation, the same spec texts.
        var edited = compilation.ReplaceSyntaxTree(trees[0], CSharpSyntaxTree.ParseText(Payloads(0).Replace("duration = 20", "duration = 21", StringComparison.Ordinal), path: "/src/File0.cs"));
        Assert.Equal(40, (await Analyze(edited, options)).Count(d => d.Id == "GRK001"));
        Assert.Equal(1, KnownContracts.ParseCount(official));
        Assert.Equal(1, KnownContracts.ParseCount(beta));
    }

    [Fact]
    public async Task A_project_without_payloads_parses_its_specs_once_and_reports_nothing()
    {
        var root = "/parse-once/" + Guid.NewGuid().ToString("N") + "/";
        var official = root + "official.yaml";
        var trees = Enumerable.Range(0, 20).Select(i => CSharpSyntaxTree.ParseText("public static class C" + i + " { public static object M() => new { model = \"not-a-contract\", duration = 99 }; }", path: "/src/C" + i + ".cs"));
        var compilation = CSharpCompilation.Create("Consumer", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.Empty(await Analyze(compilation, Options(official)));
        Assert.Equal(1, KnownContracts.ParseCount(official));
    }

    private static async Task<ImmutableArray<Diagnostic>> Analyze(Compilation compilation, AnalyzerOptions options) =>
        await compilation.WithAnalyzers([new PayloadAnalyzer()], options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

    private static string Payloads(int i) => $$"""
        using System.Collections.Generic;

        public static class Payloads{{i}}
        {
            public static object A() => new { model = "grok-imagine-video-1.5-official", prompt = "A cat", image_urls = new[] { "https://cdn.example.com/cat.png" }, duration = 20 };
            public static object B() => new Dictionary<string, object> { ["model"] = "grok-imagine-video-1.5-beta", ["image_urls"] = new[] { "https://cdn.example.com/cat.png" }, ["resolution"] = "1080p" };
            public const string C = "{\"model\":\"grok-imagine-video-1.5-beta\",\"image_urls\":[\"https://cdn.example.com/cat.png\"],\"duration\":8}";
            public static int D(int x) => x * 2 + {{i}};
        }
        """;

    private static MetadataReference[] References() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(p => MetadataReference.CreateFromFile(p))];

    private static AnalyzerOptions Options(params string[] paths)
    {
        var texts = paths.Select(p => (AdditionalText)new SpecText(p, p.EndsWith("beta.yaml", StringComparison.Ordinal) ? TestSpecs.Beta : TestSpecs.Official));
        return new AnalyzerOptions([.. texts], new SpecMetadata());
    }
}
