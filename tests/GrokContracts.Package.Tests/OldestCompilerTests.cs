using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Package.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Package.Tests;

/// <summary>
/// The oldest compiler the package supports is Roslyn 4.8 (.NET 8 SDK, VS 17.8). No 8.0 SDK or compiler toolset is
/// installable here, so this test process itself runs Roslyn 4.8.0 and loads the packed analyzer folder into it.
/// </summary>
public sealed class OldestCompilerTests
{
    private static readonly Version Floor = new(4, 8, 0, 0);

    private const string ConsumerSource = """
        using GrokContracts.GrokImagineVideo15Official;

        public static class Consumer
        {
            public static string Typed() =>
                new VideoGenerationRequest("A lighthouse at dusk", "https://images.example.com/lighthouse.jpg").WithDuration(6).ToJson();

            public static object Raw() => new
            {
                model = "grok-imagine-video-1.5-official",
                prompt = "A lighthouse at dusk",
                image_urls = new[] { "https://images.example.com/lighthouse.jpg" },
                duration = 20,
            };
        }
        """;

    [Fact]
    public void This_test_runs_on_Roslyn_4_8()
    {
        Assert.Equal(Floor, typeof(Compilation).Assembly.GetName().Version);
        Assert.Equal(Floor, typeof(CodeFixProvider).Assembly.GetName().Version);
    }

    [Fact]
    public async Task No_packed_assembly_needs_a_newer_Roslyn_or_newer_BCL_than_Roslyn_4_8_brings()
    {
        var packed = await PackedAnalyzers.GetAsync();
        // What Roslyn 4.8 itself is built against (System.Collections.Immutable, System.Reflection.Metadata, ...):
        // a host that runs Roslyn 4.8 has at least these.
        var roslynBaseline = References(typeof(Compilation).Assembly.Location)
            .Concat(References(typeof(CodeFixProvider).Assembly.Location))
            .GroupBy(r => r.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(r => r.Version)!, StringComparer.Ordinal);
        var bundled = packed.AssemblyPaths.Select(p => Path.GetFileNameWithoutExtension(p)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(
            new[] { "GrokContracts.CodeFixes", "GrokContracts.Generators", "GrokContracts.Spec", "YamlDotNet" },
            bundled.OrderBy(n => n, StringComparer.Ordinal).ToArray());
        foreach (var path in packed.AssemblyPaths)
        {
            var references = References(path).ToList();
            var file = Path.GetFileName(path);
            // netstandard2.0 assemblies: loadable by Visual Studio (.NET Framework) and the .NET SDK compiler alike.
            Assert.Contains(references, r => r.Name == "netstandard");
            Assert.DoesNotContain(references, r => r.Name is "System.Runtime" or "System.Private.CoreLib");
            foreach (var reference in references)
            {
                if (reference.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                {
                    Assert.True(reference.Version <= Floor, $"{file} references {reference.Name} {reference.Version}, newer than Roslyn {Floor}");
                }
                else if (reference.Name!.StartsWith("System.Composition", StringComparison.Ordinal) && file == "GrokContracts.CodeFixes.dll")
                {
                    // [ExportCodeFixProvider] derives from System.Composition's ExportAttribute. Roslyn 4.8 is built
                    // against 7.0.0.0, which the registry here does not serve (8.0.0 is the oldest). Hosts find code
                    // fixes by reading that attribute from metadata, never loading System.Composition for it; the
                    // command-line compiler never loads the code fixes at all.
                    Assert.True(reference.Version <= new Version(8, 0, 0, 0), $"{file} references {reference.Name} {reference.Version}");
                }
                else if (roslynBaseline.TryGetValue(reference.Name!, out var baseline))
                {
                    Assert.True(reference.Version <= baseline, $"{file} references {reference.Name} {reference.Version}; Roslyn 4.8 brings only {baseline}");
                }
                else
                {
                    Assert.True(reference.Name is "netstandard" || bundled.Contains(reference.Name!), $"{file} references {reference.Name} {reference.Version}, which is neither bundled nor part of a Roslyn 4.8 host");
                }
            }
        }
    }

    [Fact]
    public async Task The_packed_generator_and_analyzers_load_generate_and_diagnose_on_Roslyn_4_8()
    {
        var package = await PackedPackage.GetAsync();
        var packed = await PackedAnalyzers.GetAsync();
        var consumer = ConsumerCompilation.Create(
            package.ExtractEntry("lib/net8.0/GrokContracts.dll"),
            new[] { ("/consumer/Consumer.cs", ConsumerSource) },
            new[]
            {
                ("/package/specs/grok-imagine-video-1.5-official.yaml", package.ReadEntry("specs/grok-imagine-video-1.5-official.yaml"), true),
                ("/package/specs/grok-imagine-video-1.5-beta.yaml", package.ReadEntry("specs/grok-imagine-video-1.5-beta.yaml"), true),
                ("/consumer/contracts/broken.yaml", "model: acme-broken\nparameters: {\n", false),
            });

        var generators = packed.Generators;
        var analyzers = packed.Analyzers;
        Assert.Empty(packed.LoadFailures);
        Assert.Contains(generators, g => g.GetGeneratorType().FullName == "GrokContracts.Generators.ContractGenerator");
        Assert.Contains(analyzers, a => a.SupportedDiagnostics.Any(d => d.Id == "GRK001"));
        Assert.Contains(analyzers, a => a.SupportedDiagnostics.Any(d => d.Id == "GRK100"));
        // The bundled dependencies came from the package folder, Roslyn from the host.
        Assert.Contains(packed.LoadedAssemblies, a => a.GetName().Name == "GrokContracts.Spec");

        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, consumer.AdditionalFiles, ConsumerCompilation.ParseOptions, consumer.ConfigOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(consumer.Compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        Assert.Empty(generatorDiagnostics);
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        var hintNames = run.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToList();
        Assert.Contains("GrokImagineVideo15Official.VideoGenerationRequest.g.cs", hintNames);
        Assert.Contains("GrokImagineVideo15Beta.VideoGenerationRequest.g.cs", hintNames);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var exceptions = new List<Exception>();
        var withAnalyzers = output.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(consumer.AdditionalFiles, consumer.ConfigOptions),
                onAnalyzerException: (e, _, _) => { lock (exceptions) { exceptions.Add(e); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var grk001 = Assert.Single(diagnostics, d => d.Id == "GRK001");
        var position = SourcePosition.Of(ConsumerSource, "duration = 20", "20");
        var span = grk001.Location.GetLineSpan();
        Assert.Equal(("/consumer/Consumer.cs", position.Line, position.Column), (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        var grk100 = Assert.Single(diagnostics, d => d.Id == "GRK100");
        Assert.Equal("/consumer/contracts/broken.yaml", grk100.Location.GetLineSpan().Path);
    }

    [Fact]
    public async Task The_packed_code_fixes_load_and_fix_on_Roslyn_4_8_Workspaces()
    {
        var package = await PackedPackage.GetAsync();
        var packed = await PackedAnalyzers.GetAsync();
        var fixers = packed.References
            .SelectMany(r => r.GetAssembly().GetTypes())
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
        Assert.Contains(fixers, f => f.FixableDiagnosticIds.Contains("GRK001"));

        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var official = "/package/specs/grok-imagine-video-1.5-official.yaml";
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId, VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: ConsumerCompilation.ParseOptions,
                metadataReferences: ConsumerCompilation.Create(package.ExtractEntry("lib/net8.0/GrokContracts.dll"), Array.Empty<(string, string)>(), Array.Empty<(string, string, bool)>()).Compilation.References,
                analyzerReferences: packed.References))
            .AddDocument(DocumentId.CreateNewId(projectId), "Consumer.cs", SourceText.From(ConsumerSource.Replace("GrokContracts.GrokImagineVideo15Official", "System", StringComparison.Ordinal).Replace("new VideoGenerationRequest(\"A lighthouse at dusk\", \"https://images.example.com/lighthouse.jpg\").WithDuration(6).ToJson()", "string.Empty", StringComparison.Ordinal)), filePath: "/consumer/Consumer.cs")
            .AddAdditionalDocument(DocumentId.CreateNewId(projectId), "grok-imagine-video-1.5-official.yaml", SourceText.From(package.ReadEntry("specs/grok-imagine-video-1.5-official.yaml")), filePath: official)
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From($"is_global = true\n\n[{official}]\nbuild_metadata.AdditionalFiles.GrokContract = true\nbuild_metadata.AdditionalFiles.GrokContractShipped = true\n"), filePath: "/consumer/.globalconfig");
        var project = solution.GetProject(projectId)!;
        var document = project.Documents.Single();

        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(packed.Analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        var grk001 = Assert.Single(diagnostics, d => d.Id == "GRK001");
        var fixer = fixers.First(f => f.FixableDiagnosticIds.Contains("GRK001"));
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, grk001, (action, _) => actions.Add(action), CancellationToken.None));
        var apply = Assert.IsType<ApplyChangesOperation>(Assert.Single(await actions[0].GetOperationsAsync(CancellationToken.None)));
        var fixedText = (await apply.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();

        Assert.Contains("duration = 15,", fixedText, StringComparison.Ordinal);
    }

    private static IEnumerable<System.Reflection.AssemblyName> References(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle).GetAssemblyName())
            .ToList();
    }
}
