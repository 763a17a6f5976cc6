using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokContracts.Generators.Tests.TestSupport;

/// <summary>
/// The runtime library's API without the shipped channels' types. The built GrokContracts.dll has those types compiled
/// in (issue 12: generated once, in the package), so a test compilation that generates the shipped specs again next to
/// it would see every type twice (CS0436). This compiles the runtime library's own sources (src/GrokContracts and
/// src/Shared, no generator) in memory under the same assembly name and version: what generated code calls is exactly
/// the shipped runtime's, and an emitted test assembly binds to the real GrokContracts.dll when it runs.
/// </summary>
internal static class RuntimeOnlyReference
{
    public static MetadataReference Create(IReadOnlyList<MetadataReference> platform, [CallerFilePath] string here = "")
    {
        var src = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src"));
        var files = Directory.GetFiles(Path.Combine(src, "GrokContracts"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(src, "Shared"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException("no runtime sources under " + src);
        }

        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var version = typeof(IContractRequest).Assembly.GetName().Version!;
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, path: f)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]", parseOptions));
        var compilation = CSharpCompilation.Create(
            "GrokContracts",
            trees,
            platform,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("the runtime sources do not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
