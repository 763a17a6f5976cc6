using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using GrokContracts.Package.Tests.Infrastructure;

namespace GrokContracts.Package.Tests;

/// <summary>What is inside the .nupkg: the files a consumer's build needs and the metadata users expect.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackedFeed feed)
{
    private static readonly string[] ExpectedEntries =
    [
        "GrokContracts.nuspec",
        "README.md",
        "analyzers/dotnet/cs/GrokContracts.CodeFixes.dll",
        "analyzers/dotnet/cs/GrokContracts.Generators.dll",
        "analyzers/dotnet/cs/GrokContracts.Spec.dll",
        "analyzers/dotnet/cs/YamlDotNet.dll",
        "build/GrokContracts.props",
        "build/GrokContracts.targets",
        "buildTransitive/GrokContracts.Contracts.props",
        "buildTransitive/GrokContracts.Contracts.targets",
        "buildTransitive/GrokContracts.props",
        "buildTransitive/GrokContracts.targets",
        "lib/net8.0/GrokContracts.dll",
        "lib/net8.0/GrokContracts.xml",
        "lib/netstandard2.0/GrokContracts.dll",
        "lib/netstandard2.0/GrokContracts.xml",
        "spec/contract.schema.json",
        "spec/grok-imagine-video-1.5-beta.yaml",
        "spec/grok-imagine-video-1.5-official.yaml",
    ];

    [Fact]
    public void Package_holds_exactly_the_runtime_analyzers_build_logic_and_shipped_specs()
    {
        using var zip = ZipFile.OpenRead(feed.PackagePath);
        var entries = zip.Entries
            .Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal)
                && !n.StartsWith("package/", StringComparison.Ordinal)
                && n != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(ExpectedEntries.Order(StringComparer.Ordinal), entries);
    }

    [Fact]
    public void Packed_specs_readme_and_build_logic_are_the_repository_files()
    {
        foreach (var spec in Directory.GetFiles(Path.Combine(feed.RepoRoot, "spec")))
        {
            Assert.Equal(File.ReadAllText(spec), Extracted("spec", Path.GetFileName(spec)));
        }
        Assert.Equal(File.ReadAllText(Path.Combine(feed.RepoRoot, "README.md")), Extracted("README.md"));
        var shared = Path.Combine(feed.RepoRoot, "src", "GrokContracts.Generators", "build");
        Assert.Equal(File.ReadAllText(Path.Combine(shared, "GrokContracts.props")), Extracted("buildTransitive", "GrokContracts.Contracts.props"));
        Assert.Equal(File.ReadAllText(Path.Combine(shared, "GrokContracts.targets")), Extracted("buildTransitive", "GrokContracts.Contracts.targets"));
        Assert.Contains("GrokContractsShippedSpecDirectory", Extracted("buildTransitive", "GrokContracts.props"), StringComparison.Ordinal);
        Assert.Contains("../buildTransitive/GrokContracts.props", Extracted("build", "GrokContracts.props"), StringComparison.Ordinal);
    }

    [Fact]
    public void Nuspec_has_the_metadata_users_expect_and_no_roslyn_dependency()
    {
        var nuspec = XDocument.Parse(Extracted("GrokContracts.nuspec"));
        string Value(string name) => nuspec.Descendants().Single(e => e.Name.LocalName == name).Value;
        XElement Element(string name) => nuspec.Descendants().Single(e => e.Name.LocalName == name);

        Assert.Equal("GrokContracts", Value("id"));
        Assert.Equal(VersionFromDirectoryBuildProps(), Value("version"));
        Assert.Equal("expression", Element("license").Attribute("type")?.Value);
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Contains("source-generator", Value("tags").Split(' '));
        Assert.Equal("git", Element("repository").Attribute("type")?.Value);
        Assert.StartsWith("https://", Element("repository").Attribute("url")?.Value, StringComparison.Ordinal);

        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToArray();
        Assert.NotEmpty(dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dependencies, d => d.StartsWith("GrokContracts", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dependencies, d => d.Equals("PolySharp", StringComparison.OrdinalIgnoreCase) || d.Equals("YamlDotNet", StringComparison.OrdinalIgnoreCase));
        var groups = nuspec.Descendants().Where(e => e.Name.LocalName == "group").Select(e => e.Attribute("targetFramework")!.Value);
        Assert.Equal(new[] { ".NETStandard2.0", "net8.0" }, groups.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Symbols_package_is_next_to_the_package_and_pack_is_warning_free()
    {
        Assert.True(File.Exists(Path.ChangeExtension(feed.PackagePath, ".snupkg")), "no .snupkg next to " + feed.PackagePath);
        using (var symbols = ZipFile.OpenRead(Path.ChangeExtension(feed.PackagePath, ".snupkg")))
        {
            Assert.Contains(symbols.Entries, e => e.FullName == "lib/net8.0/GrokContracts.pdb");
            Assert.Contains(symbols.Entries, e => e.FullName == "lib/netstandard2.0/GrokContracts.pdb");
        }
        Assert.DoesNotMatch(@"warning NU\d{4}", feed.Pack.Output);
    }

    private string Extracted(params string[] path) => File.ReadAllText(Path.Combine([feed.ExtractedDirectory, .. path]));

    private string VersionFromDirectoryBuildProps() =>
        XDocument.Load(Path.Combine(feed.RepoRoot, "Directory.Build.props")).Descendants("Version").Single().Value;
}
