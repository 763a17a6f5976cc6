using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using GrokContracts.Package.Tests.Infrastructure;

namespace GrokContracts.Package.Tests;

/// <summary>
/// The four packages the way people build (issue 12): contracts alone with no HTTP stack, the client, a library + app
/// solution that shares one set of shipped types, the emulator in a user's test project, and the tool.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackagesTests(PackedFeed feed)
{
    [Fact]
    public void One_pack_of_the_solution_gives_the_four_packages_with_readmes_and_the_right_dependencies()
    {
        foreach (var id in new[] { "GrokContracts", "GrokContracts.Client", "GrokContracts.Emulator", "GrokContracts.Cli" })
        {
            using var zip = ZipFile.OpenRead(feed.PackageOf(id));
            Assert.Contains(zip.Entries, e => e.FullName == "README.md");
        }
        Assert.Equal(4, Directory.GetFiles(feed.FeedDirectory, "*.nupkg").Length);

        var client = Dependencies("GrokContracts.Client");
        Assert.Contains(client, d => d.Id == "GrokContracts" && d.Exclude is null);          // analyzers and buildTransitive flow
        Assert.Contains(client, d => d.Id == "Microsoft.Extensions.Http.Resilience");
        Assert.Contains(client, d => d.Id == "Microsoft.Data.Sqlite");                       // the batch journal
        Assert.DoesNotContain(Dependencies("GrokContracts"), d => d.Id.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
        Assert.DoesNotContain(Dependencies("GrokContracts.Emulator"), d => d.Id.StartsWith("GrokContracts", StringComparison.Ordinal));

        using (var emulator = ZipFile.OpenRead(feed.PackageOf("GrokContracts.Emulator")))
        {
            Assert.Contains(emulator.Entries, e => e.FullName == "lib/net10.0/GrokContracts.Emulator.dll");
            Assert.Contains(emulator.Entries, e => e.FullName == "lib/net10.0/GrokContracts.Spec.dll");
        }
        using (var tool = ZipFile.OpenRead(feed.PackageOf("GrokContracts.Cli")))
        {
            Assert.Contains(tool.Entries, e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_contracts_only_consumer_gets_no_HTTP_stack_no_foreign_analyzer_and_still_typed_requests_and_diagnostics()
    {
        var run = await feed.ContractsOnlyRun;

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Contains("official " + Consumers.OfficialJson, lines);
        Assert.Contains("violation 20003 duration must be 3-15 seconds", lines);
        // (A normal-verbosity log can show one diagnostic in more than one form; all of them are this one.)
        var grk007 = run.Diagnostics.WithId("GRK007").Where(d => d.FileName == "Diagnosed.cs").ToArray();
        Assert.NotEmpty(grk007);
        Assert.All(grk007, d => Assert.Equal(("warning", RulesSources.LineOf(Consumers.ContractsOnlyDiagnosed, "nsfw_checker")), (d.Severity, d.Line)));

        var assets = File.ReadAllText(Path.Combine(feed.ConsumersDirectory, "contracts", "obj", "project.assets.json"));
        Assert.DoesNotContain("\"Microsoft.Extensions.", assets, StringComparison.Ordinal);

        var analyzers = Regex.Matches(run.Output, @"/analyzer:(""[^""]+""|\S+)").Select(m => m.Groups[1].Value.Trim('"')).Distinct().ToArray();
        Assert.True(analyzers.Length > 0, "no csc command line in the log:\n" + run);
        var ours = Path.Combine(feed.PackagesDirectory, "grokcontracts") + Path.DirectorySeparatorChar;
        Assert.Contains(analyzers, a => a.StartsWith(ours, StringComparison.Ordinal) && a.EndsWith("GrokContracts.Generators.dll", StringComparison.Ordinal));
        Assert.All(analyzers, a => Assert.True(
            a.StartsWith(ours, StringComparison.Ordinal) || a.StartsWith(PackedFeed.DotnetRoot, StringComparison.Ordinal),
            $"{a} is neither ours ({ours}) nor the SDK's ({PackedFeed.DotnetRoot})"));
    }

    [Fact]
    public async Task Library_and_app_share_the_shipped_types_and_the_app_payload_is_checked_with_or_without_its_own_reference()
    {
        var builds = await feed.LibraryAndApps;

        foreach (var build in new[] { builds.Direct, builds.Transitive })
        {
            // The app's own request passed to the library compiles (no CS1503), nothing is declared twice (no CS0436),
            // and the one error is the app's raw payload: duration = 20 is GRK001 at its line.
            Assert.DoesNotContain("CS0436", build.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("CS1503", build.Output, StringComparison.Ordinal);
            var diagnostic = Assert.Single(build.Diagnostics.All);
            Assert.Equal(("GRK001", "error", "Mistake.cs", RulesSources.LineOf(SolutionConsumers.MistakeSource, "duration = 20")),
                (diagnostic.Id, diagnostic.Severity, diagnostic.FileName, diagnostic.Line));
            Assert.NotEqual(0, build.ExitCode);
        }
    }

    [Fact]
    public async Task A_user_test_project_runs_its_typed_request_through_the_client_against_the_emulator_package()
    {
        var run = await feed.EmulatorTestRun;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+1,", run.Output);
    }

    [Fact]
    public async Task The_tool_installs_into_a_tool_path_and_runs_as_grok_contracts_including_a_journaled_batch_against_its_own_serve()
    {
        var tool = await feed.Tool;

        Assert.True(tool.Install.ExitCode == 0, tool.Install.ToString());
        Assert.True(tool.Help.ExitCode == 0, tool.Help.ToString());
        Assert.Contains("grok-contracts", tool.Help.Output, StringComparison.Ordinal);
        // The installed tool's batch against its own serve: the SQLite journal's native library loads from the package.
        Assert.True(tool.Batch.ExitCode == 0, tool.Batch.ToString());
        Assert.Contains("2 of 2 downloaded", tool.Batch.Output, StringComparison.Ordinal);
    }

    private (string Id, string? Exclude)[] Dependencies(string id)
    {
        using var zip = ZipFile.OpenRead(feed.PackageOf(id));
        using var stream = zip.GetEntry(id + ".nuspec")!.Open();
        return XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (e.Attribute("id")!.Value, e.Attribute("exclude")?.Value)).ToArray();
    }
}
