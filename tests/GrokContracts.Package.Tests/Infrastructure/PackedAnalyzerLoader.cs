using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>
/// Loads the packed <c>analyzers/dotnet/cs</c> folder the way a compiler host does: its assemblies (and their bundled
/// dependencies, Spec and YamlDotNet) in their own load context, Roslyn itself from the host (here 4.8.0).
/// </summary>
public sealed class PackedAnalyzerLoader : AssemblyLoadContext, IAnalyzerAssemblyLoader
{
    private readonly string _directory;

    public PackedAnalyzerLoader(string directory)
        : base("GrokContracts packed analyzers", isCollectible: false) => _directory = directory;

    public void AddDependencyLocation(string fullPath)
    {
        // Every dependency sits in the packed folder; Load finds it there by name.
    }

    public Assembly LoadFromPath(string fullPath) => LoadFromAssemblyPath(fullPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var candidate = Path.Combine(_directory, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
