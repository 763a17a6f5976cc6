using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
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
/// Beyond "no Roslyn newer than 4.8" (<see cref="OldestCompilerTests"/>): a host that runs Roslyn 4.8 must also be able
/// to satisfy every other reference of the packed assemblies, and the packed code fixes must load and fix on the
/// 4.8 Workspaces layer (IDE light bulb, <c>dotnet format</c> of the .NET 8 SDK).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class OldestWorkspacesTests(PackedFeed feed)
{
    private static readonly Version Roslyn48 = new(4, 8, 0, 0);

    private string AnalyzerDirectory => Path.Combine(feed.ExtractedDirectory, "analyzers", "dotnet", "cs");

    [Fact]
    public void Every_reference_of_the_packed_assemblies_is_bundled_or_no_newer_than_what_Roslyn_4_8_is_built_against()
    {
        Assert.Equal(Roslyn48, typeof(CodeFixProvider).Assembly.GetName().Version);
        // What Roslyn 4.8 itself references (System.Collections.Immutable, System.Reflection.Metadata, ...): a host
        // running Roslyn 4.8 has at least these versions, and maybe no newer.
        var baseline = References(typeof(Compilation).Assembly.Location)
            .Concat(References(typeof(CodeFixProvider).Assembly.Location))
            .Concat(References(typeof(CSharpCompilation).Assembly.Location))
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(r => r.Version)!, StringComparer.Ordinal);
        var bundled = Directory.GetFiles(AnalyzerDirectory, "*.dll").Select(p => Path.GetFileNameWithoutExtension(p)).ToHashSet(StringComparer.Ordinal);

        foreach (var dll in Directory.GetFiles(AnalyzerDirectory, "*.dll"))
        {
            var file = Path.GetFileName(dll);
            foreach (var (name, version) in References(dll))
            {
                if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                {
                    Assert.True(version <= Roslyn48, $"{file} references {name} {version}");
                }
                else if (name.StartsWith("System.Composition", StringComparison.Ordinal))
                {
                    // Only the code fixes ([ExportCodeFixProvider] derives from System.Composition's ExportAttribute).
                    // Roslyn 4.8 is built against 7.0.0.0, which this registry does not serve (8.0.0 is its oldest),
                    // so the code fixes are compiled against 8.0.0.0. Hosts find code fixes by reading that attribute
                    // from metadata without loading System.Composition, and the compiler never loads code fixes.
                    Assert.Equal("GrokContracts.CodeFixes.dll", file);
                    Assert.True(version <= new Version(8, 0, 0, 0), $"{file} references {name} {version}");
                }
                else if (baseline.TryGetValue(name, out var floor))
                {
                    Assert.True(version <= floor, $"{file} references {name} {version}; Roslyn 4.8 is built against {floor}");
                }
                else
                {
                    Assert.True(name == "netstandard" || bundled.Contains(name), $"{file} references {name} {version}: neither bundled nor part of a Roslyn 4.8 host");
                }
            }
        }
    }

    [Fact]
    public async Task Packed_code_fixes_load_and_fix_on_roslyn_4_8_workspaces()
    {
        var loader = new PackedAnalyzerLoader(AnalyzerDirectory);
        var analyzerReferences = new[] { "GrokContracts.Generators.dll", "GrokContracts.CodeFixes.dll" }
            .Select(name => new AnalyzerFileReference(Path.Combine(AnalyzerDirectory, name), loader))
            .ToArray();
        var fixers = analyzerReferences[1].GetAssembly().GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
        Assert.Contains(fixers, f => f.FixableDiagnosticIds.Contains("GRK001"));
        Assert.Contains(fixers, f => f.FixableDiagnosticIds.Contains("GRK003"));

        const string Source = """
            public static class Consumer
            {
                public static object Raw() => new
                {
                    model = "grok-imagine-video-1.5-official",
                    prompt = "A lighthouse",
                    image_urls = new[] { "https://images.example.com/a.jpg" },
                    duration = 20,
                };
            }
            """;
        const string SpecPath = "/package/spec/grok-imagine-video-1.5-official.yaml";
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId, VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
                metadataReferences: [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
                analyzerReferences: analyzerReferences))
            .AddDocument(documentId, "Consumer.cs", SourceText.From(Source), filePath: "/consumer/Consumer.cs")
            .AddAdditionalDocument(DocumentId.CreateNewId(projectId), "grok-imagine-video-1.5-official.yaml",
                SourceText.From(File.ReadAllText(Path.Combine(feed.ExtractedDirectory, "spec", "grok-imagine-video-1.5-official.yaml"))), filePath: SpecPath)
            // What build/GrokContracts.Contracts.props makes compiler-visible, as the IDE hands it to analyzers.
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig",
                SourceText.From($"is_global = true\n\n[{SpecPath}]\nbuild_metadata.AdditionalFiles.GrokContract = true\nbuild_metadata.AdditionalFiles.GrokContractShipped = true\n"),
                filePath: "/consumer/.globalconfig");
        var project = solution.GetProject(projectId)!;

        var compilation = (await project.GetCompilationAsync())!;
        var analyzers = analyzerReferences[0].GetAnalyzers(LanguageNames.CSharp);
        var diagnostics = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var grk001 = Assert.Single(diagnostics, d => d.Id == "GRK001");

        var actions = new List<CodeAction>();
        var fixer = fixers.First(f => f.FixableDiagnosticIds.Contains("GRK001"));
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(project.GetDocument(documentId)!, grk001, (action, _) => actions.Add(action), CancellationToken.None));
        var apply = Assert.IsType<ApplyChangesOperation>(Assert.Single(await actions[0].GetOperationsAsync(CancellationToken.None)));
        var fixedText = (await apply.ChangedSolution.GetDocument(documentId)!.GetTextAsync()).ToString();

        Assert.Contains("duration = 15,", fixedText, StringComparison.Ordinal);
        Assert.NotNull(fixer.GetFixAllProvider());
    }

    private static List<(string Name, Version Version)> References(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(h => metadata.GetAssemblyReference(h))
            .Select(r => (metadata.GetString(r.Name), r.Version))
            .ToList();
    }
}
