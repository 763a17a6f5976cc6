using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>
/// The <c>analyzers/dotnet/cs</c> folder of the packed .nupkg, extracted and loaded the way a compiler host loads
/// analyzers: each assembly from its file through <see cref="AnalyzerFileReference"/>, in an isolated load context
/// that resolves the bundled dependencies (Spec library, YamlDotNet) from the same folder and everything else
/// (Roslyn, the BCL) from the host - here Roslyn 4.8.0, the floor the package supports.
/// </summary>
public sealed class PackedAnalyzers
{
    public const string FolderInPackage = "analyzers/dotnet/cs/";

    private static readonly Lazy<Task<PackedAnalyzers>> Instance = new(LoadAsync);

    private PackedAnalyzers(string directory, ImmutableArray<AnalyzerFileReference> references, IReadOnlyList<string> loadFailures)
    {
        Directory = directory;
        References = references;
        LoadFailures = loadFailures;
    }

    public string Directory { get; }

    public ImmutableArray<AnalyzerFileReference> References { get; }

    public IReadOnlyList<string> LoadFailures { get; }

    public IEnumerable<string> AssemblyPaths => System.IO.Directory.GetFiles(Directory, "*.dll").OrderBy(p => p, StringComparer.Ordinal);

    public ImmutableArray<DiagnosticAnalyzer> Analyzers =>
        References.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();

    public ImmutableArray<ISourceGenerator> Generators =>
        References.SelectMany(r => r.GetGenerators(LanguageNames.CSharp)).ToImmutableArray();

    /// <summary>The packed assemblies as loaded (the generator, code fixes and their dependencies).</summary>
    public IEnumerable<Assembly> LoadedAssemblies => Loader.Context.Assemblies;

    private PackedAnalyzerLoader Loader { get; init; } = null!;

    public static Task<PackedAnalyzers> GetAsync() => Instance.Value;

    private static async Task<PackedAnalyzers> LoadAsync()
    {
        var package = await PackedPackage.GetAsync();
        var directory = package.NewDirectory("analyzers");
        using (var zip = ZipFile.OpenRead(package.NupkgPath))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(FolderInPackage, StringComparison.Ordinal) && e.Name.Length > 0))
            {
                entry.ExtractToFile(Path.Combine(directory, entry.Name));
            }
        }

        var loader = new PackedAnalyzerLoader(directory);
        var failures = new List<string>();
        var references = System.IO.Directory.GetFiles(directory, "*.dll")
            .Select(path => new AnalyzerFileReference(path, loader))
            .ToImmutableArray();
        foreach (var reference in references)
        {
            reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{reference.Display}: {e.ErrorCode} {e.Message} {e.Exception}");
        }

        return new PackedAnalyzers(directory, references, failures) { Loader = loader };
    }

    private sealed class PackedAnalyzerLoader(string directory) : IAnalyzerAssemblyLoader
    {
        public PackedLoadContext Context { get; } = new(directory);

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Context.LoadFromAssemblyPath(fullPath);
    }

    private sealed class PackedLoadContext(string directory) : AssemblyLoadContext("packed GrokContracts analyzers")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Roslyn and the BCL must be the host's (shared types); only the bundled dependencies load from the folder.
            if (assemblyName.Name is null || assemblyName.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                return null;
            }

            var candidate = Path.Combine(directory, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
