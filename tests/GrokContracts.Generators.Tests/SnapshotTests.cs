using System.IO;
using System.Linq;
using GrokContracts.Generators.Tests.TestSupport;

namespace GrokContracts.Generators.Tests;

/// <summary>
/// Every generated file of both shipped specs equals its committed snapshot (Snapshots/*.verified.cs).
/// Accept changed output with GROK_ACCEPT_SNAPSHOTS=1 (see <see cref="Snapshot"/>).
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> Specs => new() { "official", "beta" };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_files_match_snapshots(string spec)
    {
        var input = spec == "official" ? TestSpecs.Official : TestSpecs.Beta;
        var result = GeneratorRunner.Run([input]);

        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.Sources);
        foreach (var source in result.Sources)
        {
            Snapshot.Verify(source.HintName, source.SourceText.ToString());
        }

        // A snapshot whose file is no longer generated is stale.
        var prefix = spec == "official" ? "GrokImagineVideo15Official." : "GrokImagineVideo15Beta.";
        var generated = result.Sources.Select(s => Path.GetFileName(Snapshot.VerifiedPath(s.HintName))).ToHashSet();
        var stale = Directory.GetFiles(Snapshot.Directory, prefix + "*.verified.cs").Select(Path.GetFileName).Where(f => !generated.Contains(f!)).ToList();
        Assert.True(stale.Count == 0 || Snapshot.Accepting, "Stale snapshots: " + string.Join(", ", stale));
    }

    [Fact]
    public void Official_spec_generates_one_file_per_type()
    {
        var result = GeneratorRunner.Run([TestSpecs.Official]);
        Assert.Equal(
            [
                "GrokImagineVideo15Official.AspectRatio.g.cs",
                "GrokImagineVideo15Official.GrokImagineVideo15OfficialChannel.g.cs",
                "GrokImagineVideo15Official.Resolution.g.cs",
                "GrokImagineVideo15Official.VideoGenerationRequest.g.cs",
            ],
            result.Sources.Select(s => s.HintName).OrderBy(h => h, System.StringComparer.Ordinal));
    }
}
