using System;
using System.Threading.Tasks;
using GrokContracts.Package.Tests.Infrastructure;

namespace GrokContracts.Package.Tests;

/// <summary>The packed code fixes, applied the way the README says: <c>dotnet format analyzers --diagnostics …</c>.</summary>
[Collection(PackageCollection.Name)]
public sealed class CodeFixTests(PackedFeed feed)
{
    [Fact]
    public async Task Dotnet_format_applies_the_fixes_and_the_rebuild_is_clean()
    {
        var run = await feed.CodeFixes;

        Assert.True(run.FirstPass.ExitCode == 0, run.FirstPass.ToString());
        Assert.True(run.SecondPass.ExitCode == 0, run.SecondPass.ToString());
        Assert.Contains("duration = 15", run.AfterFirstPass, StringComparison.Ordinal);
        Assert.DoesNotContain("duration = 20", run.After, StringComparison.Ordinal);
        Assert.DoesNotContain("\"auto\"", run.After, StringComparison.Ordinal);
        Assert.Contains("duration = 15", run.After, StringComparison.Ordinal); // clamped to the contract's maximum
        Assert.True(run.Rebuild.ExitCode == 0, run.Rebuild.ToString() + "\n--- after format:\n" + run.After);
        Assert.Empty(run.Rebuild.Diagnostics.All);
    }
}
