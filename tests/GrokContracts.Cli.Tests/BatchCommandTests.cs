using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Cli.Batch;
using GrokContracts.Emulator;

namespace GrokContracts.Cli.Tests;

/// <summary>
/// <c>batch</c> in-process against the in-process emulator (over real HTTP on loopback): validation first, dry-run
/// costs, CSV typing, mixed channels including acme-motion-2 (a spec the CLI was not compiled with), the JSON report,
/// and journals that must not be used (corrupt, locked, another input).
/// </summary>
public sealed class BatchCommandTests : IAsyncLifetime
{
    internal static readonly string AcmeSpec = Path.Combine(AppContext.BaseDirectory, "specs", "acme-motion-2.yaml");

    /// <summary>Two lines a channel: official, beta, acme-motion-2.</summary>
    internal const string MixedJobs =
        """
        {"model":"grok-imagine-video-1.5-official","prompt":"a cat","image_urls":["https://example.com/cat.png"],"duration":3}
        {"model":"grok-imagine-video-1.5-beta","image_urls":["https://example.com/b.png"],"duration":4}
        {"model":"acme-motion-2","text":"a kite","seconds":2,"style":"clay","frames":["https://example.com/1.png","https://example.com/2.png"]}
        {"model":"grok-imagine-video-1.5-official","prompt":"a dog","image_urls":["https://example.com/dog.png"],"resolution":"720p","duration":5}

        {"model":"acme-motion-2","text":"a boat","motion":0.25}
        {"model":"grok-imagine-video-1.5-beta","image_urls":["https://example.com/c.png"]}
        """;

    private readonly string _directory = Files.NewDirectory();
    private ReapiEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { SpecPaths = { AcmeSpec }, CompletionDelay = TimeSpan.FromMilliseconds(300) });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_mixed_batch_downloads_every_line_once_and_writes_the_report()
    {
        var jobs = Files.Write(_directory, "jobs.jsonl", MixedJobs);
        var outDir = Path.Combine(_directory, "clips");
        var report = Path.Combine(_directory, "report.json");

        var run = await Batch(jobs, outDir, "--report", report, "--usd-per-second", "0.05");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(6, _emulator.Tasks.Count);
        Assert.Equal(6, _emulator.SubmitRequestCount);
        Assert.Equal(["0001.mp4", "0002.mp4", "0003.mp4", "0004.mp4", "0006.mp4", "0007.mp4"], Directory.GetFiles(outDir, "*.mp4").Select(Path.GetFileName).Order());
        Assert.Empty(Directory.GetFiles(outDir, "*.part"));
        Assert.Equal(6, run.OutLines.Count(l => l.Contains(": downloaded task_", StringComparison.Ordinal)));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("batch: 6 of 6 downloaded", StringComparison.Ordinal));

        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.True(root.GetProperty("allDownloaded").GetBoolean());
        Assert.Equal(6, root.GetProperty("downloaded").GetInt32());

        // Official 3 s, and 5 s at 720p (x2), and beta 4 s, at 0.05 USD/s and 0.001 USD a credit (beta's line 7 has no
        // duration and the spec no default: not priced); acme: 2 s clay (x3) and 4 s film at its own 0.02, 0.01 a credit.
        Assert.Equal(150 + 500 + 200 + 12 + 8, root.GetProperty("creditsSpent").GetInt64());
        var first = root.GetProperty("items")[0];
        Assert.Equal(64, first.GetProperty("sha256").GetString()!.Length);
        Assert.Equal(new FileInfo(Path.Combine(outDir, "0001.mp4")).Length, first.GetProperty("size").GetInt64());

        var again = await Batch(jobs, outDir);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(6, _emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task A_failed_line_is_left_on_rerun_and_sent_again_with_retry_failed()
    {
        var jobs = Files.Write(_directory, "jobs.jsonl",
            """
            {"model":"grok-imagine-video-1.5-official","prompt":"a storm [emulator:fail]","image_urls":["https://example.com/a.png"],"duration":3}
            {"model":"grok-imagine-video-1.5-beta","image_urls":["https://example.com/b.png"],"duration":4}
            """);
        var outDir = Path.Combine(_directory, "clips");

        var first = await Batch(jobs, outDir);
        var rerun = await Batch(jobs, outDir);
        var retried = await Batch(jobs, outDir, "--retry-failed");

        Assert.Equal((1, 1, 1), (first.ExitCode, rerun.ExitCode, retried.ExitCode)); // the line fails each time it is sent
        Assert.Contains(first.ErrorLines, l => l.StartsWith("batch: 1 of 2 downloaded, 1 failed", StringComparison.Ordinal));
        Assert.Equal(3, _emulator.SubmitRequestCount); // 2, then none, then the failed line once more
        Assert.Equal(2, _emulator.Tasks.Count(t => t.WillFail));
    }

    [Fact]
    public async Task On_an_interactive_terminal_progress_is_a_live_table_of_states_credits_and_ETA()
    {
        var jobs = Files.Write(_directory, "jobs.jsonl", MixedJobs);
        var outDir = Path.Combine(_directory, "clips");

        var run = await Cli.RunAsync(
            ["batch", jobs, "--out-dir", outDir, "--spec", AcmeSpec, "--base-url", _emulator.BaseUrl.ToString(), "--poll-interval", "0.1", "--usd-per-second", "0.05"],
            stdin: null,
            interactive: true);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(6, _emulator.SubmitRequestCount);
        // A live display redraws in place (cursor movements); the text of its last frame: every line downloaded, the
        // credits of the mixed batch (as in the report test), nothing left to wait for.
        Assert.Contains("\u001b[", run.Error, StringComparison.Ordinal);
        var frames = System.Text.RegularExpressions.Regex.Replace(run.Error, @"\u001b\[[0-9;?]*[A-Za-z]", string.Empty);
        var last = frames[frames.LastIndexOf("state", StringComparison.Ordinal)..];
        Assert.Matches(@"downloaded\W+6\W", last);
        Assert.Matches(@"credits spent\W+870\W", last);
        Assert.Matches(@"ETA\W+done\W", last);
        foreach (var state in new[] { "pending", "submitting", "submitted", "completed", "downloading", "failed", "unknown" })
        {
            Assert.Matches(state + @"\W+0\W", last);
        }

        // Instead of, not besides, the event lines a log or a pipe gets; the summary still ends the run.
        Assert.DoesNotContain("line 1: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(frames.Split('\n'), l => l.StartsWith("batch: 6 of 6 downloaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_lines_are_each_reported_with_the_APIs_code_and_nothing_is_sent()
    {
        var jobs = Files.Write(_directory, "jobs.jsonl", MixedJobs + "\n"
            + """
              {"model":"grok-imagine-video-1.5-official","prompt":"a cat","image_urls":["https://example.com/cat.png"],"duration":20}
              {"model":"acme-motion-2","text":"a kite","seconds":20}
              {"model":"acme-motion-2","text":"a kite","style":"oil"
              {"model":"sora","prompt":"x"}
              [1,2]
              """);

        var run = await Batch(jobs, Path.Combine(_directory, "out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("invalid: line 8: 20003 duration must be 3-15 seconds ($.duration)", run.ErrorLines);
        Assert.Contains("invalid: line 9: 41003 seconds out of range [2, 12] ($.seconds)", run.ErrorLines);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("invalid: line 10: not valid JSON", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("invalid: line 11: the line: unknown model 'sora'", StringComparison.Ordinal));
        Assert.Contains("invalid: line 12: not a JSON object (a request body is an object)", run.ErrorLines);
        Assert.Contains(run.ErrorLines, l => l.Contains("5 of 11 lines are invalid; nothing was sent", StringComparison.Ordinal));
        Assert.Equal(0, _emulator.SubmitRequestCount);
        Assert.False(File.Exists(Path.Combine(_directory, "out", ".batch.db")));
    }

    [Fact]
    public async Task Skip_invalid_runs_the_valid_lines_and_exits_1()
    {
        var jobs = Files.Write(_directory, "jobs.jsonl", """
            {"model":"acme-motion-2","text":"a kite"}
            {"model":"acme-motion-2","text":""}
            """);

        var run = await Batch(jobs, Path.Combine(_directory, "out"), "--skip-invalid");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("invalid: line 2: 41001 text missing ($.text)", run.ErrorLines);
        Assert.Single(_emulator.Tasks);
        Assert.True(File.Exists(Path.Combine(_directory, "out", "0001.mp4")));
    }

    [Fact]
    public async Task A_CSV_is_typed_by_each_lines_spec_and_dry_run_prints_costs_and_sends_nothing()
    {
        var jobs = Files.Write(_directory, "jobs.csv", """
            model,prompt,text,image_urls,frames,frames,duration,seconds,style,resolution,loop
            grok-imagine-video-1.5-official,"a cat, sitting",,https://example.com/cat.png,,,6,,,720p,
            acme-motion-2,,"a kite",,https://example.com/1.png;https://example.com/2.png,https://example.com/3.png,,5,anime,,true
            acme-motion-2,,"a boat",,,,,six,,,
            """);

        var dry = await Batch(jobs, Path.Combine(_directory, "out"), "--dry-run", "--usd-per-second", "0.05", "--skip-invalid");

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("invalid: line 4: 41002 seconds has the wrong type, expected integer ($.seconds)", dry.ErrorLines);
        Assert.Contains(dry.OutLines, l => l.StartsWith("2  grok-imagine-video-1.5-official", StringComparison.Ordinal) && l.EndsWith("6         600        0.60", StringComparison.Ordinal));
        Assert.Contains(dry.OutLines, l => l.StartsWith("3  acme-motion-2", StringComparison.Ordinal) && l.EndsWith("5          15        0.15", StringComparison.Ordinal));
        Assert.Contains("total: 2 lines, 615 credits (0.75 USD)", dry.OutLines);
        Assert.Equal(0, _emulator.SubmitRequestCount);

        var strict = await Batch(jobs, Path.Combine(_directory, "out"), "--dry-run");
        Assert.Equal(2, strict.ExitCode);

        var fixedJobs = Files.Write(_directory, "fixed.csv", File.ReadAllText(jobs).Replace(",six,", ",7,", StringComparison.Ordinal));
        var run = await Batch(fixedJobs, Path.Combine(_directory, "out"));
        Assert.True(run.ExitCode == 0, run.Error);
        var acme = _emulator.Tasks.Single(t => t.Model == "acme-motion-2" && t.RequestBody.Contains("a kite", StringComparison.Ordinal));
        using var body = JsonDocument.Parse(acme.RequestBody);
        Assert.Equal(3, body.RootElement.GetProperty("frames").GetArrayLength());
        Assert.Equal(JsonValueKind.True, body.RootElement.GetProperty("loop").ValueKind);
        Assert.Equal(5, body.RootElement.GetProperty("seconds").GetInt32());
    }

    [Fact]
    public async Task Each_channel_is_priced_at_its_own_configured_rate_from_the_option_or_the_variable()
    {
        // official 3 s at 480p and beta 4 s; reAPI publishes a rate per channel (beta's is higher), none in the spec.
        var jobs = Files.Write(_directory, "jobs.jsonl",
            """
            {"model":"grok-imagine-video-1.5-official","prompt":"a cat","image_urls":["https://example.com/cat.png"],"duration":3}
            {"model":"grok-imagine-video-1.5-beta","image_urls":["https://example.com/b.png"],"duration":4}
            """);
        var outDir = Path.Combine(_directory, "out");

        var byModel = await Batch(jobs, outDir, "--dry-run", "--usd-per-second", "0.05", "--usd-per-second", "grok-imagine-video-1.5-beta=0.08");
        var fromVariable = await Cli.RunAsync(
            ["batch", jobs, "--out-dir", outDir, "--dry-run"],
            stdin: null,
            new System.Collections.Generic.Dictionary<string, string> { [UsdRates.Variable] = "grok-imagine-video-1.5-beta=0.08, 0.05" });
        var optionWins = await Cli.RunAsync(
            ["batch", jobs, "--out-dir", outDir, "--dry-run", "--usd-per-second", "0.05"],
            stdin: null,
            new System.Collections.Generic.Dictionary<string, string> { [UsdRates.Variable] = "grok-imagine-video-1.5-beta=0.08" });

        Assert.True(byModel.ExitCode == 0, byModel.Error);
        Assert.Contains("total: 2 lines, 470 credits (0.47 USD)", byModel.OutLines); // 150 + 320
        Assert.Contains("total: 2 lines, 470 credits (0.47 USD)", fromVariable.OutLines);
        Assert.Contains("total: 2 lines, 350 credits (0.35 USD)", optionWins.OutLines); // the option alone: 150 + 200
        Assert.Equal(0, _emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task A_line_without_a_price_says_why()
    {
        var jobs = Files.Write(_directory, "jobs.jsonl",
            """
            {"model":"grok-imagine-video-1.5-official","prompt":"a cat","image_urls":["https://example.com/cat.png"],"duration":3}
            {"model":"grok-imagine-video-1.5-beta","image_urls":["https://example.com/b.png"]}
            {"model":"acme-motion-2","text":"a kite","seconds":2}
            {"model":"grok-imagine-video-1.5-official","prompt":"a dog","image_urls":["https://example.com/dog.png"]}
            """);

        var dry = await Batch(jobs, Path.Combine(_directory, "out"), "--dry-run", "--usd-per-second", "grok-imagine-video-1.5-beta=0.08");

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("not priced: line(s) 1, 4: its spec leaves the per-second rate to configuration: pass --usd-per-second grok-imagine-video-1.5-official=X (or X for all), or set REAPI_USD_PER_SECOND", dry.ErrorLines);
        Assert.Contains("not priced: line(s) 2: it does not set duration, and its spec gives no default", dry.ErrorLines);
        Assert.Contains("total: 4 lines, 4 credits (0.04 USD), 3 not priced", dry.OutLines); // acme prices itself: 2 s film at 0.02, 0.01 a credit
    }

    [Theory]
    [InlineData("--usd-per-second", "cheap", "--usd-per-second: 'cheap' is not a rate")]
    [InlineData("--usd-per-second", "-1", "--usd-per-second: '-1' is not a rate")]
    [InlineData("--usd-per-second", "grok-imagine-video-1.5-betta=0.08", "no loaded spec declares model 'grok-imagine-video-1.5-betta'; did you mean 'grok-imagine-video-1.5-beta'?")]
    [InlineData(UsdRates.Variable, "0.05,0.06", UsdRates.Variable + ": one rate for all channels is given twice")]
    [InlineData(UsdRates.Variable, "acme-motion-2=0.1,acme-motion-2=0.2", UsdRates.Variable + ": the rate of 'acme-motion-2' is given twice")]
    public async Task A_bad_rate_is_one_line_and_exit_2(string where, string value, string message)
    {
        var jobs = Files.Write(_directory, "jobs.jsonl", MixedJobs);
        string[] args = ["batch", jobs, "--out-dir", Path.Combine(_directory, "out"), "--spec", AcmeSpec, "--dry-run"];
        var run = where == UsdRates.Variable
            ? await Cli.RunAsync(args, stdin: null, new System.Collections.Generic.Dictionary<string, string> { [where] = value })
            : await Cli.RunAsync([.. args, where, value], stdin: null);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task A_corrupt_journal_is_one_line_and_exit_2_and_is_left_as_it_was()
    {
        var jobs = Files.Write(_directory, "jobs.jsonl", MixedJobs);
        var outDir = Directory.CreateDirectory(Path.Combine(_directory, "out")).FullName;
        var journal = Path.Combine(outDir, ".batch.db");
        var garbage = Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(journal, garbage);

        var run = await Batch(jobs, outDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a readable batch journal", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(journal));
        Assert.Equal(0, _emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task A_journal_locked_by_another_run_is_one_line_and_exit_2()
    {
        var jobs = Files.Write(_directory, "jobs.jsonl", MixedJobs);
        var journal = Path.Combine(_directory, "shared.db");
        using var held = new SqliteBatchJournal(journal);

        var run = await Batch(jobs, Path.Combine(_directory, "out"), "--journal", journal);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is locked by another run", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, _emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task A_journal_from_another_input_is_one_line_and_exit_2()
    {
        var outDir = Path.Combine(_directory, "out");
        var first = await Batch(Files.Write(_directory, "a.jsonl", MixedJobs), outDir);
        Assert.Equal(0, first.ExitCode);

        var edited = Files.Write(_directory, "b.jsonl", MixedJobs.Replace("a kite", "a red kite", StringComparison.Ordinal));
        var run = await Batch(edited, outDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("was written for another input: line 3 (0003) differs", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(6, _emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task Serve_logs_one_line_per_request_so_the_submits_a_batch_made_can_be_counted()
    {
        using var stop = new CancellationTokenSource(Cli.Timeout * 2);
        var serveOut = new StringWriter();
        var serveErr = new StringWriter();
        using var syncOut = TextWriter.Synchronized(serveOut);
        using var syncErr = TextWriter.Synchronized(serveErr);
        var serving = CliApp.RunAsync(["serve", "--port", "0", "--delay", "0.2", "--spec", AcmeSpec], syncOut, syncErr, new CliEnvironment(), stop.Token);
        var url = await ServeCommandTests.WaitForFirstLineAsync(syncOut, serveOut, serving);

        var run = await Cli.RunAsync("batch", Files.Write(_directory, "jobs.jsonl", MixedJobs), "--out-dir", Path.Combine(_directory, "out"), "--spec", AcmeSpec, "--base-url", url, "--poll-interval", "0.1");
        await stop.CancelAsync();
        Assert.Equal(0, await serving.WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.True(run.ExitCode == 0, run.Error);
        var log = serveErr.ToString().Split('\n', StringSplitOptions.TrimEntries);
        var submits = log.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^(POST /api/v1/videos/generations|PUT /v2/motion/jobs) -> 200 task_[0-9a-f]{32}$")).ToList();
        Assert.Equal(6, submits.Count);
        Assert.Equal(6, log.Count(l => l.StartsWith("GET /media/tasks/", StringComparison.Ordinal) && l.EndsWith("-> 200", StringComparison.Ordinal)));
        Assert.Contains(log, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^GET /v2/motion/jobs/task_[0-9a-f]{32}/state -> 200$"));
    }

    private Task<CliRun> Batch(string jobs, string outDir, params string[] more) =>
        Cli.RunAsync(["batch", jobs, "--out-dir", outDir, "--spec", AcmeSpec, "--base-url", _emulator.BaseUrl.ToString(), "--poll-interval", "0.1", "--concurrency", "8", .. more], stdin: null);
}
