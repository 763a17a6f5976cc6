using System;
using System.Threading.Tasks;
using GrokContracts.Package.Tests.Infrastructure;

namespace GrokContracts.Package.Tests;

/// <summary>The packed code fixes, applied the way the README says: <c>dotnet format analyzers --diagnostics …</c>.</summary>
[Collection(PackageCollection.Name)]
public sealed class CodeFixTests(PackedFeed feed)
{
    [Fact]
    public async Task One_dotnet_format_run_applies_every_fix_and_the_rebuild_is_clean()
    {
        var run = await feed.CodeFixes;

        Assert.True(run.Format.ExitCode == 0, run.Format.ToString());
        // Every id is fixed in the one run: dotnet format says so when a fixer gives up.
        Assert.DoesNotContain("Unable to fix", run.Format.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to apply", run.Format.Output, StringComparison.Ordinal);
        Assert.Contains("duration = 15,", run.After, StringComparison.Ordinal);                 // GRK001 clamped to the maximum
        Assert.Contains("[\"duration\"] = 15,", run.After, StringComparison.Ordinal);           // ... in a dictionary too
        Assert.Contains("\\\"duration\\\":8", run.After, StringComparison.Ordinal);             // GRK002 in a JSON literal
        Assert.Contains("[\"audio\"] = false,", run.After, StringComparison.Ordinal);            // GRK002 in a JsonObject
        Assert.DoesNotContain("auto", run.After, StringComparison.Ordinal);                       // GRK003 took the default
        Assert.DoesNotContain("720P", run.After, StringComparison.Ordinal);
        Assert.DoesNotContain("b.jpg", run.After, StringComparison.Ordinal);                      // GRK006 kept the first entry
        Assert.DoesNotContain("nsfw_checker", run.After, StringComparison.Ordinal);               // GRK007 removed it ...
        Assert.Contains("[\"duration\"] = 5,", run.After, StringComparison.Ordinal);             // ... or renamed the typo
        Assert.DoesNotContain("oficial", run.After, StringComparison.Ordinal);                    // GRK008
        Assert.True(run.Rebuild.ExitCode == 0, run.Rebuild.ToString() + "\n--- after format:\n" + run.After);
        Assert.Empty(run.Rebuild.Diagnostics.All);
    }
}
