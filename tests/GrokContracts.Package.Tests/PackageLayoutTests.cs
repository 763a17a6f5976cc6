using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using GrokContracts.Package.Tests.Infrastructure;

namespace GrokContracts.Package.Tests;

/// <summary>What is in GrokContracts.nupkg: the files a consumer's build needs, the metadata users expect, no Roslyn dependency.</summary>
public sealed class PackageLayoutTests
{
    [Fact]
    public async Task The_package_holds_the_runtime_library_the_bundled_analyzers_the_build_files_and_the_specs()
    {
        var package = await PackedPackage.GetAsync();
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var entries = zip.Entries.Select(e => e.FullName).Where(n => !IsPackagingPart(n)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var shippedSpecs = Directory.GetFiles(PackedPackage.SpecDirectory, "*.yaml").Select(p => "specs/" + Path.GetFileName(p));

        var expected = new[]
        {
            "GrokContracts.nuspec",
            "README.md",
            "analyzers/dotnet/cs/GrokContracts.CodeFixes.dll",
            "analyzers/dotnet/cs/GrokContracts.Generators.dll",
            "analyzers/dotnet/cs/GrokContracts.Spec.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "build/GrokContracts.props",
            "build/GrokContracts.targets",
            "buildTransitive/GrokContracts.props",
            "buildTransitive/GrokContracts.targets",
            "lib/net8.0/GrokContracts.dll",
            "lib/net8.0/GrokContracts.xml",
            "lib/netstandard2.0/GrokContracts.dll",
            "lib/netstandard2.0/GrokContracts.xml",
            "specs/contract.schema.json",
        }.Concat(shippedSpecs).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, entries);

        // The packed specs are the repository's, byte for byte.
        foreach (var spec in shippedSpecs.Append("specs/contract.schema.json"))
        {
            Assert.Equal(File.ReadAllText(Path.Combine(PackedPackage.SpecDirectory, Path.GetFileName(spec))), package.ReadEntry(spec));
        }

        // The packed build files are the ones in-repo consumers use (eng/UseGrokContracts.targets), so both routes agree.
        var buildDirectory = Path.Combine(PackedPackage.RepoRoot, "src", "GrokContracts.Generators", "build");
        Assert.Equal(File.ReadAllText(Path.Combine(buildDirectory, "GrokContracts.props")), package.ReadEntry("buildTransitive/GrokContracts.props"));
        Assert.Equal(File.ReadAllText(Path.Combine(buildDirectory, "GrokContracts.targets")), package.ReadEntry("buildTransitive/GrokContracts.targets"));
        Assert.Contains("../buildTransitive/GrokContracts.props", package.ReadEntry("build/GrokContracts.props"), StringComparison.Ordinal);
        Assert.Contains("../buildTransitive/GrokContracts.targets", package.ReadEntry("build/GrokContracts.targets"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_nuspec_has_the_metadata_users_expect_and_no_Roslyn_or_analyzer_project_dependency()
    {
        var package = await PackedPackage.GetAsync();
        var nuspec = XDocument.Parse(package.ReadEntry("GrokContracts.nuspec"));
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        string Value(string name) => metadata.Element(ns + name)?.Value ?? string.Empty;

        Assert.Equal("GrokContracts", Value("id"));
        Assert.Equal(PackedPackage.ExpectedVersion, Value("version"));
        Assert.Equal(PackedPackage.ExpectedVersion, package.Version);
        Assert.Contains("source generator", Value("description"), StringComparison.Ordinal);
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal(File.ReadAllText(Path.Combine(PackedPackage.RepoRoot, "README.md")), package.ReadEntry("README.md"));
        Assert.Contains("source-generator", Value("tags").Split(' '));
        Assert.Contains("analyzer", Value("tags").Split(' '));
        Assert.StartsWith("https://", Value("projectUrl"), StringComparison.Ordinal);
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.StartsWith("https://", repository.Attribute("url")!.Value, StringComparison.Ordinal);
        Assert.Matches(new Regex("^[0-9a-f]{40}$"), repository.Attribute("commit")!.Value);

        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToDictionary(g => g.Attribute("targetFramework")!.Value, g => g);
        Assert.Equal(new[] { ".NETStandard2.0", "net8.0" }, groups.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        var ids = groups.Values.SelectMany(g => g.Elements(ns + "dependency")).Select(d => d.Attribute("id")!.Value).ToList();
        Assert.Contains("System.Text.Json", groups[".NETStandard2.0"].Elements(ns + "dependency").Select(d => d.Attribute("id")!.Value));
        // Analyzers are bundled, not dependencies: a consumer never restores Roslyn, YamlDotNet or our analyzer projects.
        Assert.DoesNotContain(ids, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.DoesNotContain(ids, id => id is "YamlDotNet" or "PolySharp" || id.StartsWith("GrokContracts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pack_makes_a_symbol_package_and_prints_no_warning()
    {
        var package = await PackedPackage.GetAsync();

        Assert.DoesNotMatch(new Regex(@"warning (NU|CS|MSB)\d+"), package.Pack.Output);
        using var symbols = ZipFile.OpenRead(package.SnupkgPath);
        var pdbs = symbols.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".pdb", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(new[] { "lib/net8.0/GrokContracts.pdb", "lib/netstandard2.0/GrokContracts.pdb" }, pdbs);
    }

    private static bool IsPackagingPart(string name) =>
        name is "[Content_Types].xml" || name.StartsWith("_rels/", StringComparison.Ordinal) || name.StartsWith("package/", StringComparison.Ordinal);
}
