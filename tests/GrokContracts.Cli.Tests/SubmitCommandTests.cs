using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using GrokContracts.Emulator;

namespace GrokContracts.Cli.Tests;

/// <summary><c>submit</c> against the real emulator, in-process on 127.0.0.1 port 0.</summary>
public sealed class SubmitCommandTests : IAsyncLifetime
{
    private const string Canary = "canary-key-7f3a9c";
    private readonly string _directory = Files.NewDirectory();
    private ReapiEmulator _emulator = null!;

    private string BaseUrl => _emulator.BaseUrl.ToString();

    public async Task InitializeAsync() =>
        _emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.FromMilliseconds(600), ApiKey = Canary });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("official", "--aspect-ratio", "9:16")]
    [InlineData("beta", "--aspect-ratio", "auto")]
    public async Task Submit_wait_out_downloads_a_playable_MP4(string model, string option, string value)
    {
        var video = Path.Combine(_directory, model + ".mp4");

        var run = await Cli.RunAsync(
            "submit", "--model", model, "--prompt", "a cat turns its head, soft rain", "--image", "https://example.com/cat.png",
            option, value, "--resolution", "720p", "--duration", "5", "--wait", "--out", video,
            "--base-url", BaseUrl, "--api-key", Canary, "--poll-interval", "0.2", "--timeout", "30");

        Assert.True(run.ExitCode == 0, run.Error);
        var bytes = File.ReadAllBytes(video);
        Assert.True(bytes.Length > 1000);
        Assert.Equal("ftyp"u8.ToArray(), bytes[4..8]);
        Assert.False(File.Exists(video + ".part"));
        Assert.Contains("status: completed", run.OutLines);
        Assert.Contains("saved: " + video, run.OutLines);
        Assert.Contains(run.OutLines, l => l.StartsWith("video_url: " + BaseUrl, StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.Contains("completed", StringComparison.Ordinal) && l.Contains("poll", StringComparison.Ordinal));
        Assert.DoesNotContain(Canary, run.Out + run.Error, StringComparison.Ordinal);
        Assert.Equal(1, _emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task The_base_URL_and_key_come_from_the_environment_and_the_key_is_never_printed()
    {
        var variables = new Dictionary<string, string> { ["REAPI_BASE_URL"] = BaseUrl, ["REAPI_API_KEY"] = Canary };

        var run = await Cli.RunAsync(["submit", "--model", "official", "--prompt", "waves", "--image", "https://example.com/sea.jpg"], null, variables);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("status: processing", run.OutLines); // the official spec's pending word
        Assert.StartsWith("id: ", run.OutLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--duration", "20" }, 20003, "duration must be 3-15 seconds")]
    [InlineData(new[] { "--aspect-ratio", "auto" }, 20003, "invalid aspect_ratio")]
    [InlineData(new[] { "--resolution", "1080p" }, 20003, "invalid resolution (allowed: 480p / 720p)")]
    [InlineData(new[] { "--image", "https://example.com/second.png" }, 20003, "image_urls allows at most 1 entry")]
    [InlineData(new[] { "--prompt", "" }, 20002, "prompt is required")]
    [InlineData(new[] { "--duration", "eight" }, 20003, "duration must be a JSON integer")]
    [InlineData(new[] { "--set", "duration=8.5" }, 20003, "duration must be a JSON integer")]
    [InlineData(new[] { "--audio", "maybe" }, 20003, "audio must be a JSON boolean")]
    public async Task An_invalid_typed_request_exits_1_with_the_envelope_and_sends_nothing(string[] extra, int code, string message)
    {
        string[] prompt = extra[0] == "--prompt" ? [] : ["--prompt", "a cat"];
        string[] args = ["submit", "--model", "official", .. prompt, "--image", "https://example.com/cat.png", "--base-url", BaseUrl, "--api-key", Canary, .. extra];

        var run = await Cli.RunAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}"], run.OutLines);
        Assert.Equal(0, _emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task A_missing_prompt_on_official_is_the_APIs_20002_but_fine_on_beta()
    {
        var official = await Cli.RunAsync("submit", "--model", "official", "--image", "https://example.com/cat.png", "--base-url", BaseUrl, "--api-key", Canary);
        var beta = await Cli.RunAsync("submit", "--model", "beta", "--image", "https://example.com/cat.png", "--base-url", BaseUrl, "--api-key", Canary);

        Assert.Equal(1, official.ExitCode);
        Assert.Equal(["{\"error\":{\"code\":20002,\"message\":\"prompt is required\"}}"], official.OutLines);
        Assert.True(beta.ExitCode == 0, beta.Error);
    }

    [Fact]
    public async Task A_wrong_key_is_the_APIs_401_exit_1_without_the_key_in_the_output()
    {
        var run = await Cli.RunAsync("submit", "--model", "official", "--prompt", "a cat", "--image", "https://example.com/cat.png", "--base-url", BaseUrl, "--api-key", "wrong-" + Canary);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("submit failed", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_task_exits_1_and_says_it_was_refunded()
    {
        var run = await Cli.RunAsync(
            "submit", "--model", "official", "--prompt", "a cat " + ReapiEmulatorOptions.DefaultFailureToken, "--image", "https://example.com/cat.png", "--wait",
            "--base-url", BaseUrl, "--api-key", Canary, "--poll-interval", "0.2", "--timeout", "30");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("status: failed", run.OutLines);
        Assert.Contains(run.ErrorLines, l => l.Contains("failed", StringComparison.Ordinal) && l.Contains("refunded", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--model", "sora", "no loaded model 'sora'")]
    [InlineData("--model", "grok-imagine-video-1.5-betta", "did you mean 'grok-imagine-video-1.5-beta'?")]
    [InlineData("--no-audio", null, "grok-imagine-video-1.5-beta has no parameter 'audio'")]
    [InlineData("--nsfw-checker", "true", "grok-imagine-video-1.5-official has no parameter 'nsfw_checker'")]
    [InlineData("--set", "durration=8", "did you mean 'duration'?")]
    [InlineData("--set", "duration", "is not name=value")]
    [InlineData("--set", "duration=8 --duration", "given twice")]
    [InlineData("--out", "/nonexistent-dir-for-grok-tests/video.mp4", "does not exist")]
    [InlineData("--base-url", "http://example.com", "https")]
    [InlineData("--base-url", "not a url", "not an absolute http(s) URL")]
    public async Task Configuration_errors_exit_2_with_one_line_before_anything_is_sent(string option, string? value, string expected)
    {
        var model = option == "--no-audio" ? "beta" : "official";
        List<string> args = ["submit", "--image", "https://example.com/cat.png", "--prompt", "a cat", "--api-key", Canary];
        if (option != "--model")
        {
            args.AddRange(["--model", model]);
        }

        if (option != "--base-url")
        {
            args.AddRange(["--base-url", BaseUrl]);
        }

        args.Add(option);
        if (value is not null)
        {
            args.AddRange(value.Split(' ') is [var first, var flag] ? [first, flag, "9"] : [value]);
        }

        var run = await Cli.RunAsync([.. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, _emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task A_remote_base_URL_without_a_key_is_a_usage_error()
    {
        var run = await Cli.RunAsync("submit", "--model", "official", "--prompt", "a cat", "--image", "https://example.com/cat.png", "--base-url", "https://reapi.invalid");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no API key", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
