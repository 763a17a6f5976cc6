using System;
using System.Linq;
using System.Threading.Tasks;
using GrokContracts.Package.Tests.Infrastructure;

namespace GrokContracts.Package.Tests;

/// <summary>Fresh projects that reference only the package, built and run with the real CLI.</summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerBuildTests(PackedFeed feed)
{
    private static readonly string[] CrashIds = ["CS8784", "CS8785", "AD0001", "CS8032", "CS8033"];

    [Fact]
    public async Task Typed_requests_for_both_channels_compile_and_print_the_wire_json()
    {
        var run = await feed.TypedRun;

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Contains("official " + Consumers.OfficialJson, lines);
        Assert.Contains("beta " + Consumers.BetaJson, lines);
        Assert.Contains("violation 20003 duration must be 3-15 seconds", lines);
    }

    [Fact]
    public async Task A_project_spec_drives_the_client_at_run_time()
    {
        var run = await feed.TypedRun;

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        // acme-motion-2's own method and paths; an unknown word ("rendering-frames") is waited through; "done" ends it.
        Assert.Equal(
            ["acme-http PUT /v2/motion/jobs", "acme-http GET /v2/motion/jobs/job_1/state", "acme-http GET /v2/motion/jobs/job_1/state", "acme-http GET /v2/motion/jobs/job_1/state", "acme-http GET /clip.mp4"],
            lines.Where(l => l.StartsWith("acme-http ", StringComparison.Ordinal)));
        Assert.Contains("acme-status done Completed 17", lines);
    }

    [Fact]
    public async Task Raw_payload_mistakes_are_errors_at_their_file_and_line()
    {
        var build = await feed.RulesBuild;
        var diagnostics = build.Diagnostics;

        Assert.NotEqual(0, build.ExitCode);
        AssertAt(diagnostics, "GRK001", "Mistakes.cs", RulesSources.LineOf(RulesSources.Mistakes, "duration = 20"), build);
        AssertAt(diagnostics, "GRK003", "Mistakes.cs", RulesSources.LineOf(RulesSources.Mistakes, "aspect_ratio = \"auto\""), build);
        AssertAt(diagnostics, "GRK005", "Mistakes.cs", RulesSources.LineOf(RulesSources.Mistakes, "data:image/png"), build);
        Assert.All(diagnostics.InFile("Mistakes.cs"), d => Assert.Equal("error", d.Severity));
    }

    [Fact]
    public async Task Every_rule_shows_at_its_line_with_its_severity_in_every_context()
    {
        var build = await feed.RulesBuild;
        var diagnostics = build.Diagnostics;

        foreach (var (id, severity, needle) in RulesSources.AllRulesExpected)
        {
            var diagnostic = AssertAt(diagnostics, id, "AllRules.cs", RulesSources.LineOf(RulesSources.AllRules, needle), build);
            Assert.Equal(severity, diagnostic.Severity);
        }

        // Nothing else: no compiler error (the typed API and JsonObject resolve in a C# 7.3 netstandard2.0 library) and no duplicate.
        Assert.Equal(
            RulesSources.AllRulesExpected.Select(e => e.Id).Order(StringComparer.Ordinal),
            diagnostics.InFile("AllRules.cs").Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_project_spec_overrides_the_shipped_spec_of_its_model()
    {
        var build = await feed.RulesBuild;
        var diagnostics = build.Diagnostics;

        // Override.cs compiles only if DurationMaximum is 10 for official (project spec, own namespace) and 15 for beta (shipped).
        Assert.DoesNotContain(diagnostics.InFile("Override.cs"), d => d.Id.StartsWith("CS", StringComparison.Ordinal));
        var grk001 = AssertAt(diagnostics, "GRK001", "Override.cs", RulesSources.LineOf(RulesSources.Override, "duration = 12"), build);
        Assert.Contains("3-10", grk001.Message, StringComparison.Ordinal);
        Assert.Empty(diagnostics.WithId("GRK103"));
    }

    [Fact]
    public async Task Broken_project_specs_give_GRK100_and_GRK101_at_their_line_without_crashing_the_build()
    {
        var build = await feed.RulesBuild;
        var diagnostics = build.Diagnostics;

        AssertAt(diagnostics, "GRK100", "broken-syntax.yaml", RulesSources.LineOf(RulesSources.SyntaxError, "&common"), build);
        var official = feed.OfficialSpec;
        AssertAt(diagnostics, "GRK101", "broken-schema.yaml", RulesSources.LineOf(RulesSources.WithSchemaError(official), RulesSources.SchemaErrorLine), build);

        // Everything the build reports is one of ours: no compiler error in generated or user code.
        Assert.Equal(
            new[] { "GRK001", "GRK002", "GRK003", "GRK004", "GRK005", "GRK006", "GRK100", "GRK101" },
            diagnostics.All.Where(d => d.Severity == "error").Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task No_consumer_build_loads_the_analyzers_badly_or_crashes_them()
    {
        await feed.AllConsumers;

        // typed run, rules build, format + rebuild, spec-errors build, contracts-only build + run, two app builds, user tests, tool install + --help + batch.
        Assert.Equal(13, feed.ConsumerRuns.Count);
        foreach (var run in feed.ConsumerRuns)
        {
            foreach (var id in CrashIds)
            {
                Assert.False(run.Output.Contains(id, StringComparison.Ordinal), $"{id} in:\n{run}");
            }
            // The only warnings are the rules AllRules.cs breaks on purpose (GRK007, GRK008, GRK009 raised to warning)
            // and the contracts-only consumer's one GRK007 (Diagnosed.cs).
            Assert.DoesNotContain(run.Diagnostics.All, d => d.Severity == "warning" && d.FileName != "AllRules.cs" && d.FileName != "Diagnosed.cs");
        }
    }

    private static BuildDiagnostic AssertAt(BuildDiagnostics diagnostics, string id, string file, int line, DotnetResult build)
    {
        var match = diagnostics.WithId(id).FirstOrDefault(d => d.FileName == file && d.Line == line);
        Assert.True(match is not null, $"expected {id} at {file}({line}); got:\n{diagnostics}\n\n{build}");
        return match!;
    }
}
