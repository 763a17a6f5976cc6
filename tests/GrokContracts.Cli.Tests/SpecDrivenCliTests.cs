using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Emulator;

namespace GrokContracts.Cli.Tests;

/// <summary>
/// A channel the CLI was not compiled with, given only its spec file (acme-motion-2: PUT submit, its own poll path,
/// queued/running/done/error, codes 41001-41007): <c>serve --spec</c> serves it, <c>submit --spec … --set …</c> sends
/// it, <c>task &lt;id&gt;</c> resumes it, all over real HTTP on loopback.
/// </summary>
public sealed class SpecDrivenCliTests : IAsyncLifetime
{
    private const string Model = "acme-motion-2";
    private static readonly string AcmeSpec = Path.Combine(AppContext.BaseDirectory, "specs", "acme-motion-2.yaml");
    private readonly string _directory = Files.NewDirectory();
    private readonly CancellationTokenSource _stop = new(Cli.Timeout * 3);
    private readonly StringWriter _serveOut = new();
    private readonly StringWriter _serveErr = new();
    private TextWriter _syncOut = null!;
    private Task<int> _serving = null!;
    private string _baseUrl = null!;

    public async Task InitializeAsync()
    {
        _syncOut = TextWriter.Synchronized(_serveOut);
        _serving = CliApp.RunAsync(["serve", "--port", "0", "--delay", "0.6", "--spec", AcmeSpec], _syncOut, TextWriter.Synchronized(_serveErr), new CliEnvironment(), _stop.Token);
        _baseUrl = await ServeCommandTests.WaitForFirstLineAsync(_syncOut, _serveOut, _serving);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        Assert.Equal(0, await _serving.WaitAsync(TimeSpan.FromSeconds(20)));
        _stop.Dispose();
    }

    [Fact]
    public async Task Submit_with_set_and_spec_flags_waits_and_downloads_the_MP4()
    {
        var video = Path.Combine(_directory, "clip.mp4");

        var run = await Cli.RunAsync(
            "submit", "--spec", AcmeSpec, "--set", "text=a paper boat drifts", "--set", "seconds=6", "--set", "motion=0.25",
            "--set", "frames=https://example.com/a.png", "--frames", "https://example.com/b.png", "--style", "clay", "--loop",
            "--out", video, "--base-url", _baseUrl, "--poll-interval", "0.1", "--timeout", "30");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("status: done", run.OutLines);
        Assert.Contains("saved: " + video, run.OutLines);
        Assert.Equal("ftyp"u8.ToArray(), File.ReadAllBytes(video)[4..8]);
        Assert.False(File.Exists(video + ".part"));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("submitted acme-motion-2 task ", StringComparison.Ordinal) && l.EndsWith("(queued)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_without_wait_then_task_by_id_resumes_and_downloads()
    {
        var video = Path.Combine(_directory, "resumed.mp4");
        var submitted = await Cli.RunAsync("submit", "--spec", AcmeSpec, "--model", Model, "--set", "text=a kite", "--base-url", _baseUrl);
        Assert.True(submitted.ExitCode == 0, submitted.Error);
        var id = submitted.OutLines.Single(l => l.StartsWith("id: ", StringComparison.Ordinal))[4..];
        Assert.Contains("status: queued", submitted.OutLines);

        var shown = await Cli.RunAsync("task", id, "--spec", AcmeSpec, "--model", Model, "--base-url", _baseUrl);
        var resumed = await Cli.RunAsync("task", id, "--spec", AcmeSpec, "--out", video, "--base-url", _baseUrl, "--poll-interval", "0.1");

        Assert.True(shown.ExitCode == 0, shown.Error);
        Assert.Contains(shown.OutLines, l => l is "status: queued" or "status: running" or "status: done");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("status: done", resumed.OutLines);
        Assert.True(File.Exists(video));
    }

    [Fact]
    public async Task A_failing_task_ends_in_the_specs_failed_word_exit_1_and_no_refund_claim()
    {
        var run = await Cli.RunAsync(
            "submit", "--spec", AcmeSpec, "--set", "text=storm " + ReapiEmulatorOptions.DefaultFailureToken, "--wait",
            "--base-url", _baseUrl, "--poll-interval", "0.1", "--timeout", "30");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("status: error", run.OutLines);
        Assert.DoesNotContain("refunded", run.Error, StringComparison.Ordinal); // acme-motion-2 has refundsFailed: false
    }

    [Fact]
    public async Task An_unknown_task_id_is_the_APIs_404_exit_1()
    {
        var run = await Cli.RunAsync("task", "task_nobody_made", "--spec", AcmeSpec, "--base-url", _baseUrl);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("could not be read", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seconds=20", 41003, "seconds out of range [2, 12]")]
    [InlineData("seconds=six", 41002, "seconds has the wrong type, expected integer")]
    [InlineData("style=oil", 41004, "style must be one of film / anime / clay")]
    [InlineData("frames=data:image/png;base64,AAAA", 41006, "frames must hold public URLs")]
    [InlineData("motion=1.5", 41003, "motion out of range [0, 1]")]
    public async Task An_invalid_set_exits_1_with_the_specs_code_and_sends_nothing(string assignment, int code, string message)
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { SpecPaths = { AcmeSpec } });

        var run = await Cli.RunAsync("submit", "--spec", AcmeSpec, "--set", "text=a kite", "--set", assignment, "--base-url", emulator.BaseUrl.ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}"], run.OutLines);
        Assert.Equal(0, emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task A_poll_path_without_an_id_placeholder_carries_the_id_as_a_query_parameter_end_to_end()
    {
        var spec = File.ReadAllText(AcmeSpec).ReplaceLineEndings("\n")
            .Replace("model: acme-motion-2", "model: acme-query-1", StringComparison.Ordinal)
            .Replace("path: /v2/motion/jobs/{id}/state", "path: /v2/status?verbose=1", StringComparison.Ordinal);
        var path = Files.Write(_directory, "acme-query-1.yaml", spec);
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { SpecPaths = { path }, CompletionDelay = TimeSpan.FromMilliseconds(300) });
        var video = Path.Combine(_directory, "query.mp4");

        var run = await Cli.RunAsync(
            "submit", "--spec", path, "--set", "text=a kite", "--out", video, "--base-url", emulator.BaseUrl.ToString(), "--poll-interval", "0.1", "--timeout", "30");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("status: done", run.OutLines);
        Assert.True(emulator.PollRequestCount >= 1);
        Assert.True(File.Exists(video));
    }

    [Fact]
    public async Task A_flag_the_channel_lacks_is_exit_2_naming_its_parameters()
    {
        var run = await Cli.RunAsync("submit", "--spec", AcmeSpec, "--set", "text=a kite", "--no-audio", "--base-url", _baseUrl);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("acme-motion-2 has no parameter 'audio'", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
