using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;
using GrokContracts.Package.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Package.Tests;

/// <summary>
/// The oldest supported compiler (Roslyn 4.8, the .NET 8 SDK / VS 17.8): this project compiles against
/// Microsoft.CodeAnalysis.CSharp 4.8.0 and loads the packed analyzer folder into it, since no 4.8 compiler
/// toolset is served here to build a consumer with.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class OldestCompilerTests(PackedFeed feed)
{
    private static readonly Version Roslyn48 = new(4, 8, 0, 0);

    private string AnalyzerDirectory => Path.Combine(feed.ExtractedDirectory, "analyzers", "dotnet", "cs");

    [Fact]
    public void No_packed_assembly_references_a_roslyn_newer_than_4_8()
    {
        var dlls = Directory.GetFiles(AnalyzerDirectory, "*.dll");
        Assert.Equal(4, dlls.Length);
        foreach (var dll in dlls)
        {
            using var pe = new PEReader(File.OpenRead(dll));
            var metadata = pe.GetMetadataReader();
            var references = metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h))
                .Select(r => (Name: metadata.GetString(r.Name), r.Version)).ToArray();
            Assert.Contains(references, r => r.Name == "netstandard" && r.Version == new Version(2, 0, 0, 0));
            foreach (var (name, version) in references.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
            {
                Assert.True(version <= Roslyn48, $"{Path.GetFileName(dll)} references {name} {version}");
            }
        }
    }

    [Fact]
    public async Task Packed_generator_and_analyzers_load_generate_and_diagnose_on_roslyn_4_8()
    {
        Assert.Equal(Roslyn48, typeof(Compilation).Assembly.GetName().Version);

        var loader = new PackedAnalyzerLoader(AnalyzerDirectory);
        var reference = new AnalyzerFileReference(Path.Combine(AnalyzerDirectory, "GrokContracts.Generators.dll"), loader);
        var loadFailures = new List<string>();
        reference.AnalyzerLoadFailed += (_, e) => loadFailures.Add($"{e.ErrorCode} {e.TypeName}: {e.Message}");
        var generators = reference.GetGenerators(LanguageNames.CSharp);
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        Assert.Empty(loadFailures);
        Assert.NotEmpty(generators);
        Assert.NotEmpty(analyzers);

        var specs = Directory.GetFiles(Path.Combine(feed.ExtractedDirectory, "spec"), "*.yaml").Select(SpecText.FromFile).ToList();
        var broken = new SpecText("/consumer/contracts/broken.yaml", "specVersion: 1\nmodel: broken\nsummary: &a x\n");
        // A project spec of the consumer's own (the shipped ones are checked, not generated: GrokContracts.dll has their types).
        var official = specs.Single(s => s.Path.EndsWith("official.yaml", StringComparison.Ordinal)).GetText()!.ToString();
        var own = new SpecText("/consumer/contracts/acme-copy.yaml", official.Replace("model: grok-imagine-video-1.5-official", "model: acme-copy", StringComparison.Ordinal));
        var options = new SpecOptionsProvider(
            specs.ToDictionary(s => s.Path, _ => SpecOptionsProvider.Spec(shipped: true))
                .Append(new(broken.Path, SpecOptionsProvider.Spec(shipped: false)))
                .Append(new(own.Path, SpecOptionsProvider.Spec(shipped: false)))
                .ToDictionary(p => p.Key, p => p.Value));
        ImmutableArray<AdditionalText> additional = [.. specs, broken, own];

        const string Source = """
            using GrokContracts.GrokImagineVideo15Official;

            public static class Consumer
            {
                public static string Typed() =>
                    new VideoGenerationRequest("A lighthouse", "https://images.example.com/a.jpg").WithDuration(6).ToJson();

                public static object Raw() => new
                {
                    model = "grok-imagine-video-1.5-official",
                    prompt = "A lighthouse",
                    image_urls = new[] { "https://images.example.com/a.jpg" },
                    duration = 20,
                };
            }
            """;
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(Source, parseOptions, path: "/consumer/Consumer.cs")],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, additional, parseOptions, options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        var result = driver.GetRunResult();

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        // The broken spec's GRK100 comes from the generator (so it survives a failing compilation), at its line and column.
        var grk100 = Assert.Single(generatorDiagnostics);
        Assert.Equal("GRK100", grk100.Id);
        Assert.Equal(broken.Path, grk100.Location.GetLineSpan().Path);
        Assert.Equal((3, 10), (grk100.Location.GetLineSpan().StartLinePosition.Line + 1, grk100.Location.GetLineSpan().StartLinePosition.Character + 1));
        var hintNames = result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToArray();
        Assert.Contains(hintNames, h => h.Contains("AcmeCopyChannel", StringComparison.Ordinal));
        Assert.DoesNotContain(hintNames, h => h.Contains("GrokImagineVideo15", StringComparison.Ordinal));
        var compileErrors = generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(compileErrors.Length == 0, string.Join("\n", compileErrors.Select(d => d.ToString())));

        var withAnalyzers = generated.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional, options), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var grk001 = Assert.Single(diagnostics, d => d.Id == "GRK001");
        Assert.Equal("/consumer/Consumer.cs", grk001.Location.GetLineSpan().Path);
        Assert.Equal(RulesSources.LineOf(Source, "duration = 20"), grk001.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("GRK1", StringComparison.Ordinal)); // reported once, by the generator
    }

    /// <summary>The host's framework assemblies plus the packed runtime library (lib/net8.0).</summary>
    private List<MetadataReference> References()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = Directory.GetFiles(framework, "*.dll")
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Where(IsManaged)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        references.Add(MetadataReference.CreateFromFile(Path.Combine(feed.ExtractedDirectory, "lib", "net8.0", "GrokContracts.dll")));
        return references;
    }

    private static bool IsManaged(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.HasMetadata;
    }
}
