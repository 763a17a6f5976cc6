using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace GrokContracts.Emulator.Tests;

public sealed class LifecycleTests
{
    private const string Body = "{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"a lighthouse\",\"image_urls\":[\"https://example.com/a.png\"]}";

    [Fact]
    public async Task A_task_goes_from_processing_to_completed_after_the_delay_with_a_playable_mp4()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1735000000));
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { TimeProvider = time, CompletionDelay = TimeSpan.FromSeconds(60) });
        using var http = new EmulatorHttp(emulator);

        var submitted = await http.PostAsync(Body);
        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        var id = submitted.Body.GetProperty("id").GetString()!;
        Assert.Matches("^task_[0-9a-f]{32}$", id);
        Assert.Equal("grok-imagine-video-1.5-official", submitted.Body.GetProperty("model").GetString());
        Assert.Equal(1735000000, submitted.Body.GetProperty("created_at").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, submitted.Body.GetProperty("output").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, submitted.Body.GetProperty("error").ValueKind);

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("processing", (await http.GetTaskAsync(id)).Body.GetProperty("status").GetString());

        time.Advance(TimeSpan.FromSeconds(1));
        var done = await http.GetTaskAsync(id);
        Assert.Equal("completed", done.Body.GetProperty("status").GetString());
        var url = done.Body.GetProperty("output").GetProperty("video_urls").EnumerateArray().Single().GetString()!;
        Assert.StartsWith(emulator.BaseUrl.AbsoluteUri, url);

        using var video = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, video.StatusCode);
        Assert.Equal("video/mp4", video.Content.Headers.ContentType!.MediaType);
        var bytes = await video.Content.ReadAsByteArrayAsync();
        Assert.Equal(Mp4Video.Create(emulator.FindTask(id)!.Video), bytes);
        Assert.Equal(new EmulatedVideo(736, 400, TimeSpan.FromSeconds(8), true), emulator.FindTask(id)!.Video); // the spec's defaults: 16:9, 480p, 8 s, audio
        Assert.Equal(1, emulator.SubmitRequestCount);
        Assert.Equal(2, emulator.PollRequestCount);
    }

    [Fact]
    public async Task Beta_channel_tasks_complete_too()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.Zero });
        using var http = new EmulatorHttp(emulator);

        var submitted = await http.PostAsync("{\"model\":\"grok-imagine-video-1.5-beta\",\"image_urls\":[\"https://example.com/a.png\"],\"aspect_ratio\":\"auto\"}");
        var done = await http.GetTaskAsync(submitted.Body.GetProperty("id").GetString()!);

        Assert.Equal("completed", done.Body.GetProperty("status").GetString());
        Assert.Equal("grok-imagine-video-1.5-beta", done.Body.GetProperty("model").GetString());
        Assert.Contains("grok-imagine-video-1.5-beta", emulator.Models);
        Assert.Contains("grok-imagine-video-1.5-official", emulator.Models);
    }

    [Fact]
    public async Task A_prompt_with_the_failure_token_makes_the_task_fail()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.Zero });
        using var http = new EmulatorHttp(emulator);

        var submitted = await http.PostAsync("{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"boom " + ReapiEmulatorOptions.DefaultFailureToken + "\",\"image_urls\":[\"https://example.com/a.png\"]}");
        var failed = await http.GetTaskAsync(submitted.Body.GetProperty("id").GetString()!);

        Assert.Equal("failed", failed.Body.GetProperty("status").GetString());
        Assert.Equal(50001, failed.Body.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, failed.Body.GetProperty("output").ValueKind);
    }

    [Fact]
    public async Task Unknown_tasks_and_paths_are_404_envelopes()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var http = new EmulatorHttp(emulator);

        EmulatorHttp.AssertError(HttpStatusCode.NotFound, 40400, await http.GetTaskAsync("task_nope"));
        EmulatorHttp.AssertError(HttpStatusCode.NotFound, 40400, await http.GetTaskAsync("../x"));
        using var media = await http.GetAsync("media/tasks/task_nope/0.mp4");
        Assert.Equal(HttpStatusCode.NotFound, media.StatusCode);
    }

    [Fact]
    public async Task Concurrent_submits_each_create_a_task()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var http = new EmulatorHttp(emulator);

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => http.PostAsync(Body)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(24, answers.Select(a => a.Body.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(24, emulator.Tasks.Count);
        Assert.Equal(24, emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task Listens_on_loopback_only()
    {
        await using var emulator = await ReapiEmulator.StartAsync();

        Assert.Equal("127.0.0.1", emulator.BaseUrl.Host);
        Assert.NotEqual(0, emulator.BaseUrl.Port);
        Assert.EndsWith("/", emulator.BaseUrl.AbsoluteUri);
    }
}
