using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Emulator;

namespace GrokContracts.Cli.Tests;

/// <summary>
/// The acceptance tests of the batch journal: the real <c>grok-contracts</c> process killed with SIGKILL (no chance to
/// clean up) while it waits for tasks, and while submits are in flight, then rerun. The emulator counts the accepted
/// submits (tasks created): never more than the lines without <c>--resubmit-unknown</c>. Emulator delays make the kill
/// windows deterministic; every wait is bounded.
/// </summary>
public sealed class BatchKillTests : IAsyncLifetime
{
    private const int Lines = 6;
    private readonly string _directory = Files.NewDirectory();
    private readonly ReapiEmulatorOptions _options = new() { SpecPaths = { BatchCommandTests.AcmeSpec } };
    private ReapiEmulator _emulator = null!;
    private string _jobs = null!;
    private string _outDir = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ReapiEmulator.StartAsync(_options);
        _jobs = Files.Write(_directory, "jobs.jsonl", BatchCommandTests.MixedJobs);
        _outDir = Path.Combine(_directory, "clips");
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Killed_while_waiting_then_rerun_every_line_is_downloaded_with_exactly_one_accepted_submit_each()
    {
        _options.CompletionDelay = TimeSpan.FromSeconds(3);
        using (var tool = Tool.Start(BatchArgs()))
        {
            await tool.WaitForErrorLinesAsync(l => Regex.IsMatch(l, @"^line \d+: submitted task_"), Lines);
            tool.Kill();
        }

        Assert.Equal(Lines, _emulator.Tasks.Count);
        Assert.Empty(Directory.GetFiles(_outDir, "*.mp4"));

        await RerunDownloadsEveryLineWithOneAcceptedSubmitEachAsync();
    }

    [Fact]
    public async Task Killed_while_downloading_then_rerun_no_partial_file_remains_and_nothing_is_resubmitted()
    {
        _options.CompletionDelay = TimeSpan.FromSeconds(1);
        using (var tool = Tool.Start(BatchArgs()))
        {
            // Every line is submitted at once; the first download starts a second later, while others are still polled.
            await tool.WaitForErrorLinesAsync(l => Regex.IsMatch(l, @"^line \d+: submitted task_"), Lines);
            await tool.WaitForErrorLinesAsync(l => Regex.IsMatch(l, @"^line \d+: downloading"), 1);
            tool.Kill();
        }

        Assert.Equal(Lines, _emulator.Tasks.Count);

        await RerunDownloadsEveryLineWithOneAcceptedSubmitEachAsync();
    }

    [Fact]
    public async Task Killed_while_submitting_no_line_is_sent_twice_in_flight_ones_are_unknown_and_resubmit_unknown_finishes()
    {
        _options.CompletionDelay = TimeSpan.FromMilliseconds(200);
        _options.SubmitDelay = TimeSpan.FromSeconds(30);
        using (var tool = Tool.Start(BatchArgs("--concurrency", "2")))
        {
            // Both POSTs arrived and their tasks exist; their answers are 30 s away.
            await WaitUntilAsync(() => _emulator.Tasks.Count == 2, tool);
            tool.Kill();
        }

        _options.SubmitDelay = TimeSpan.Zero;
        var rerun = await Tool.RunAsync(BatchArgs());

        Assert.Equal(1, rerun.ExitCode);
        Assert.Equal(Lines, _emulator.Tasks.Count); // 2 in flight at the kill + the 4 never sent; no line sent twice
        var unknown = rerun.OutLines.Where(l => l.Contains(": unknown", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, unknown.Count);
        Assert.Equal(Lines - 2, rerun.OutLines.Count(l => l.Contains(": downloaded task_", StringComparison.Ordinal)));
        Assert.Contains(rerun.ErrorLines, l => l.StartsWith("unknown: line(s) ", StringComparison.Ordinal) && l.Contains("--resubmit-unknown", StringComparison.Ordinal));

        var again = await Tool.RunAsync(BatchArgs());
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(Lines, _emulator.Tasks.Count);

        var resubmitted = await Tool.RunAsync(BatchArgs("--resubmit-unknown"));
        Assert.True(resubmitted.ExitCode == 0, resubmitted.Error);
        Assert.Equal(Lines + 2, _emulator.Tasks.Count);
        Assert.Equal(Lines, Directory.GetFiles(_outDir, "*.mp4").Length);
        Assert.Empty(Directory.GetFiles(_outDir, "*.part"));
    }

    [Fact]
    public async Task A_second_process_on_a_journal_in_use_exits_2_with_one_line()
    {
        _options.CompletionDelay = TimeSpan.FromSeconds(20);
        using var first = Tool.Start(BatchArgs());
        await first.WaitForErrorLinesAsync(l => Regex.IsMatch(l, @"^line \d+: submitted task_"), 1);

        var second = await Tool.RunAsync(BatchArgs());
        first.Kill();

        Assert.Equal(2, second.ExitCode);
        Assert.Contains("is locked by another run", Assert.Single(second.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(Lines, _emulator.SubmitRequestCount);
    }

    private async Task RerunDownloadsEveryLineWithOneAcceptedSubmitEachAsync()
    {
        var rerun = await Tool.RunAsync(BatchArgs());

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(Lines, _emulator.Tasks.Count);
        Assert.Equal(Lines, _emulator.SubmitRequestCount);
        Assert.Equal(Lines, Directory.GetFiles(_outDir, "*.mp4").Length);
        Assert.Empty(Directory.GetFiles(_outDir, "*.part"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Tool tool)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            Assert.False(tool.HasExited, "the batch ended early: " + tool.Errors);
            await Task.Delay(50);
        }

        Assert.True(condition(), "timed out after 30 s: " + tool.Errors);
    }

    private string[] BatchArgs(params string[] more) =>
        ["batch", _jobs, "--out-dir", _outDir, "--spec", BatchCommandTests.AcmeSpec, "--base-url", _emulator.BaseUrl.ToString(), "--poll-interval", "0.1", .. more.Contains("--concurrency") ? more : ["--concurrency", "8", .. more]];

    /// <summary>The built tool as a real process whose stderr lines are collected as they come.</summary>
    private sealed class Tool : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _errors = new();
        private readonly ConcurrentQueue<string> _output = new();

        private Tool(Process process)
        {
            _process = process;
        }

        public bool HasExited => _process.HasExited;

        public string Errors => string.Join("\n", _errors);

        public static Tool Start(string[] args)
        {
            var process = new Process { StartInfo = ProcessTests.StartInfo(args) };
            var tool = new Tool(process);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    tool._errors.Enqueue(e.Data);
                }
            };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    tool._output.Enqueue(e.Data);
                }
            };
            process.Start();
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            process.StandardInput.Close();
            return tool;
        }

        public static async Task<CliRun> RunAsync(string[] args)
        {
            using var tool = Start(args);
            using var timeout = new CancellationTokenSource(Cli.Timeout);
            try
            {
                await tool._process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                tool.Kill();
                throw new TimeoutException("the batch did not finish within " + Cli.Timeout + ": " + tool.Errors);
            }

            tool._process.WaitForExit(); // Drains the redirected streams.
            return new CliRun(tool._process.ExitCode, string.Join("\n", tool._output), tool.Errors);
        }

        public async Task WaitForErrorLinesAsync(Func<string, bool> match, int count)
        {
            for (var i = 0; i < 600; i++)
            {
                if (_errors.Count(match) >= count)
                {
                    return;
                }

                Assert.False(_process.HasExited, "the batch ended early: " + Errors);
                await Task.Delay(50);
            }

            throw new TimeoutException($"fewer than {count} matching lines within 30 s: " + Errors);
        }

        /// <summary>SIGKILL to the tool and anything it started: no finally block, no flush, no journal close.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }
    }
}
