using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace GrokContracts.Emulator.Tests;

/// <summary>
/// The emulator follows each loaded spec at run time: acme-motion-2 (tests/Shared/Specs) differs from reAPI in every
/// run-time aspect, and is served next to the shipped channels at its own endpoints, with its own words and codes.
/// </summary>
public sealed class SpecDrivenChannelTests : IDisposable
{
    private const string Acme = "acme-motion-2";
    private const string AcmeSubmit = "v2/motion/jobs";
    private static readonly string AcmeSpec = Path.Combine(AppContext.BaseDirectory, "SharedSpecs", "acme-motion-2.yaml");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grok-emulator-" + Guid.NewGuid().ToString("N"));

    public SpecDrivenChannelTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_PUT_submit_creates_a_task_whose_poll_reports_queued_then_running_then_done()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1735000000));
        await using var emulator = await StartAsync(new ReapiEmulatorOptions { TimeProvider = time, CompletionDelay = TimeSpan.FromSeconds(60) });
        using var http = new EmulatorHttp(emulator);

        var submitted = await http.SendAsync(HttpMethod.Put, AcmeSubmit, "{\"model\":\"acme-motion-2\",\"text\":\"a fox\",\"seconds\":7}");
        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        Assert.Equal("queued", submitted.Body.GetProperty("status").GetString());
        Assert.Equal(Acme, submitted.Body.GetProperty("model").GetString());
        var id = submitted.Body.GetProperty("id").GetString()!;
        var poll = "v2/motion/jobs/" + id + "/state";
        Assert.Equal(new Uri(emulator.BaseUrl, poll), emulator.PollUri(Acme, id));

        var seen = new (HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)[4];
        var steps = new[] { 29, 1, 29, 1 };
        for (var i = 0; i < steps.Length; i++)
        {
            time.Advance(TimeSpan.FromSeconds(steps[i]));
            seen[i] = await http.SendAsync(HttpMethod.Get, poll, null);
        }

        Assert.Equal(["queued", "running", "running", "done"], seen.Select(s => s.Body.GetProperty("status").GetString()));
        Assert.All(seen.Take(3), s => Assert.Equal(JsonValueKind.Null, s.Body.GetProperty("output").ValueKind));
        var url = seen[3].Body.GetProperty("output").GetProperty("video_urls").EnumerateArray().Single().GetString()!;
        using var video = await http.GetAsync(url);
        var bytes = await video.Content.ReadAsByteArrayAsync();

        // No pixelSize table and no audio parameter in this spec: the default size, no sound; the length is "seconds".
        Assert.Equal((1000u, 7000u), Mp4Boxes.MovieHeader(bytes));
        Assert.Equal(("vide", EmulatorDefaults.VideoWidth, EmulatorDefaults.VideoHeight, 7.0), Assert.Single(Mp4Boxes.Tracks(bytes)));
        Assert.Equal(new EmulatedVideo(EmulatorDefaults.VideoWidth, EmulatorDefaults.VideoHeight, TimeSpan.FromSeconds(7), false), emulator.FindTask(id)!.Video);
    }

    [Fact]
    public async Task A_failing_task_reports_the_specs_failed_word()
    {
        await using var emulator = await StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.Zero });
        using var http = new EmulatorHttp(emulator);

        // The failure token works in this channel's own text parameter ("text", not reAPI's "prompt").
        var body = "{\"model\":\"acme-motion-2\",\"text\":\"a fox " + ReapiEmulatorOptions.DefaultFailureToken + "\"}";
        var id = (await http.SendAsync(HttpMethod.Put, AcmeSubmit, body)).Body.GetProperty("id").GetString()!;
        var failed = await http.SendAsync(HttpMethod.Get, emulator.PollUri(Acme, id).AbsoluteUri, null);

        Assert.Equal("error", failed.Body.GetProperty("status").GetString());
        Assert.Equal(EmulatorDefaults.FailedTaskCode, failed.Body.GetProperty("error").GetProperty("code").GetInt32());
        using var media = await http.GetAsync("media/tasks/" + id + "/0.mp4");
        Assert.Equal(HttpStatusCode.NotFound, media.StatusCode);
    }

    [Theory]
    [InlineData("{\"model\":\"acme-motion-2\"}", 41001, "text missing")]
    [InlineData("{\"model\":\"acme-motion-2\",\"text\":\"\"}", 41001, "text missing")]
    [InlineData("{\"model\":\"acme-motion-2\",\"text\":5}", 41002, "text has the wrong type, expected string")]
    [InlineData("{\"model\":\"acme-motion-2\",\"text\":\"t\",\"seconds\":13}", 41003, "seconds out of range [2, 12]")]
    [InlineData("{\"model\":\"acme-motion-2\",\"text\":\"t\",\"motion\":1.5}", 41003, "motion out of range [0, 1]")]
    [InlineData("{\"model\":\"acme-motion-2\",\"text\":\"t\",\"style\":\"pixar\"}", 41004, "style must be one of film / anime / clay")]
    [InlineData("{\"model\":\"acme-motion-2\",\"text\":\"t\",\"frames\":[\"https://a.test/1.png\",\"https://a.test/2.png\",\"https://a.test/3.png\",\"https://a.test/4.png\"]}", 41005, "frames takes at most 3")]
    [InlineData("{\"model\":\"acme-motion-2\",\"text\":\"t\",\"frames\":[\"ftp://a.test/1.png\"]}", 41006, "frames must hold public URLs")]
    [InlineData("{\"model\":\"acme-motion-2\",\"text\":\"t\",\"prompt\":\"p\"}", 41007, "prompt is not a parameter")]
    [InlineData("{\"text\":\"t\"}", 41001, "model missing")]
    [InlineData("{\"model\":null,\"text\":\"t\"}", 41001, "model missing")]
    [InlineData("{\"model\":7,\"text\":\"t\"}", 41002, "model has the wrong type, expected string")]
    [InlineData("{\"model\":\"acme-motion-3\",\"text\":\"t\"}", 41004, "model must be one of acme-motion-2")]
    [InlineData("{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"p\",\"image_urls\":[\"https://a.test/1.png\"]}", 41004, "model must be one of acme-motion-2")]
    [InlineData("{\"model\":", EmulatorDefaults.MalformedBodyCode, "malformed JSON body")]
    public async Task Bad_bodies_get_the_specs_codes_and_messages(string body, int code, string message)
    {
        await using var emulator = await StartAsync(new ReapiEmulatorOptions());
        using var http = new EmulatorHttp(emulator);

        EmulatorHttp.AssertError(HttpStatusCode.BadRequest, code, await http.SendAsync(HttpMethod.Put, AcmeSubmit, body), message);
        Assert.Empty(emulator.Tasks);
    }

    [Fact]
    public async Task The_shipped_channels_keep_reAPIs_paths_and_words_next_to_it()
    {
        await using var emulator = await StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.Zero });
        using var http = new EmulatorHttp(emulator);

        Assert.Equal(new Uri(emulator.BaseUrl, "api/v1/videos/generations"), emulator.SubmitUri("grok-imagine-video-1.5-official"));
        Assert.Equal(new Uri(emulator.BaseUrl, "api/v1/tasks/task_1"), emulator.PollUri("grok-imagine-video-1.5-beta", "task_1"));
        Assert.Equal(new Uri(emulator.BaseUrl, "v2/motion/jobs"), emulator.SubmitUri(Acme));
        Assert.Throws<ArgumentException>(() => emulator.SubmitUri("nope"));

        // An acme model at reAPI's path is invalid there, in reAPI's words.
        EmulatorHttp.AssertError(HttpStatusCode.BadRequest, 20003, await http.PostAsync("{\"model\":\"acme-motion-2\",\"text\":\"t\"}"),
            "invalid model (allowed: grok-imagine-video-1.5-beta / grok-imagine-video-1.5-official)");
        var official = await http.PostAsync("{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"p\",\"image_urls\":[\"https://a.test/1.png\"]}");
        var acme = await http.SendAsync(HttpMethod.Put, AcmeSubmit, "{\"model\":\"acme-motion-2\",\"text\":\"t\"}");
        var officialId = official.Body.GetProperty("id").GetString()!;
        var acmeId = acme.Body.GetProperty("id").GetString()!;

        Assert.Equal("completed", (await http.GetTaskAsync(officialId)).Body.GetProperty("status").GetString());
        Assert.Equal("done", (await http.SendAsync(HttpMethod.Get, emulator.PollUri(Acme, acmeId).AbsoluteUri, null)).Body.GetProperty("status").GetString());

        // A task is not found at another channel's poll path.
        EmulatorHttp.AssertError(HttpStatusCode.NotFound, EmulatorDefaults.NotFoundCode, await http.GetTaskAsync(acmeId));
        EmulatorHttp.AssertError(HttpStatusCode.NotFound, EmulatorDefaults.NotFoundCode, await http.SendAsync(HttpMethod.Get, "v2/motion/jobs/" + officialId + "/state", null));
    }

    [Fact]
    public async Task A_known_path_with_another_method_is_405_and_an_unknown_path_404()
    {
        await using var emulator = await StartAsync(new ReapiEmulatorOptions());
        using var http = new EmulatorHttp(emulator);

        var post = await http.SendAsync(HttpMethod.Post, AcmeSubmit, "{}");
        EmulatorHttp.AssertError(HttpStatusCode.MethodNotAllowed, EmulatorDefaults.MethodNotAllowedCode, post);
        Assert.Equal(["PUT"], post.Response.Content.Headers.Allow);
        EmulatorHttp.AssertError(HttpStatusCode.NotFound, EmulatorDefaults.NotFoundCode, await http.SendAsync(HttpMethod.Get, "v2/motion/jobs/task_1", null));
        EmulatorHttp.AssertError(HttpStatusCode.NotFound, EmulatorDefaults.NotFoundCode, await http.SendAsync(HttpMethod.Get, "v2/motion/jobs//state", null));
        Assert.Equal(0, emulator.PollRequestCount);
    }

    [Fact]
    public async Task Two_specs_sharing_one_endpoint_are_dispatched_by_model()
    {
        var lite = await AcmeVariantAsync("acme-motion-2-lite", ("maximum: 12", "maximum: 6"), ("queued: pending", "waiting: pending"));
        await using var emulator = await StartOnlyAsync(TimeSpan.FromHours(1), AcmeSpec, lite);
        using var http = new EmulatorHttp(emulator);

        Assert.Equal(emulator.SubmitUri(Acme), emulator.SubmitUri("acme-motion-2-lite"));
        var full = await http.SendAsync(HttpMethod.Put, AcmeSubmit, "{\"model\":\"acme-motion-2\",\"text\":\"t\",\"seconds\":8}");
        var liteTooLong = await http.SendAsync(HttpMethod.Put, AcmeSubmit, "{\"model\":\"acme-motion-2-lite\",\"text\":\"t\",\"seconds\":8}");
        var liteOk = await http.SendAsync(HttpMethod.Put, AcmeSubmit, "{\"model\":\"acme-motion-2-lite\",\"text\":\"t\",\"seconds\":6}");

        Assert.Equal(("queued", Acme), (full.Body.GetProperty("status").GetString(), full.Body.GetProperty("model").GetString()));
        EmulatorHttp.AssertError(HttpStatusCode.BadRequest, 41003, liteTooLong, "seconds out of range [2, 6]");
        Assert.Equal(("waiting", "acme-motion-2-lite"), (liteOk.Body.GetProperty("status").GetString(), liteOk.Body.GetProperty("model").GetString()));
        EmulatorHttp.AssertError(HttpStatusCode.BadRequest, 41004, await http.SendAsync(HttpMethod.Put, AcmeSubmit, "{\"model\":\"x\",\"text\":\"t\"}"),
            "model must be one of acme-motion-2 / acme-motion-2-lite");
        var litePoll = await http.SendAsync(HttpMethod.Get, emulator.PollUri(Acme, liteOk.Body.GetProperty("id").GetString()!).AbsoluteUri, null);
        Assert.Equal("waiting", litePoll.Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Paths_with_route_template_characters_start_and_match_literally()
    {
        var odd = await AcmeVariantAsync(
            "odd-paths",
            ("path: /v2/motion/jobs/{id}/state", "path: /v1/ops:get/{{x}}/*/task-{id}.json"),
            ("path: /v2/motion/jobs", "path: /v1/models/odd:generate*"));
        var query = await AcmeVariantAsync("query-poll", ("path: /v2/motion/jobs/{id}/state", "path: /v3/status"), ("path: /v2/motion/jobs", "path: /v3/submit?kind=video"));
        await using var emulator = await StartOnlyAsync(TimeSpan.Zero, odd, query);
        using var http = new EmulatorHttp(emulator);

        var submitted = await http.SendAsync(HttpMethod.Put, emulator.SubmitUri("odd-paths").AbsoluteUri, "{\"model\":\"odd-paths\",\"text\":\"t\"}");
        var id = submitted.Body.GetProperty("id").GetString()!;
        Assert.Equal("/v1/ops:get/{{x}}/*/task-" + id + ".json", Uri.UnescapeDataString(emulator.PollUri("odd-paths", id).AbsolutePath));
        Assert.Equal("done", (await http.SendAsync(HttpMethod.Get, emulator.PollUri("odd-paths", id).AbsoluteUri, null)).Body.GetProperty("status").GetString());
        EmulatorHttp.AssertError(HttpStatusCode.NotFound, EmulatorDefaults.NotFoundCode, await http.SendAsync(HttpMethod.Put, "v1/models/oddXgenerate*", "{}"));

        // A poll path without {id} takes the id from the query; a submit path may carry a query.
        var viaQuery = await http.SendAsync(HttpMethod.Put, emulator.SubmitUri("query-poll").AbsoluteUri, "{\"model\":\"query-poll\",\"text\":\"t\"}");
        var queryId = viaQuery.Body.GetProperty("id").GetString()!;
        Assert.Equal(new Uri(emulator.BaseUrl, "v3/status?id=" + queryId), emulator.PollUri("query-poll", queryId));
        Assert.Equal("done", (await http.SendAsync(HttpMethod.Get, emulator.PollUri("query-poll", queryId).AbsoluteUri, null)).Body.GetProperty("status").GetString());
        EmulatorHttp.AssertError(HttpStatusCode.NotFound, EmulatorDefaults.NotFoundCode, await http.SendAsync(HttpMethod.Get, "v3/status", null));
    }

    [Fact]
    public async Task A_spec_without_task_statuses_reports_the_default_words()
    {
        var text = File.ReadAllText(AcmeSpec);
        var plain = await AcmeVariantAsync("plain", (text[text.IndexOf("task:", StringComparison.Ordinal)..], string.Empty));
        await using var emulator = await StartOnlyAsync(TimeSpan.FromHours(1), plain);
        using var http = new EmulatorHttp(emulator);

        var submitted = await http.SendAsync(HttpMethod.Put, AcmeSubmit, "{\"model\":\"plain\",\"text\":\"t\"}");

        Assert.Equal(EmulatorDefaults.PendingStatus, submitted.Body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("loop", "{}", false)] // the switch's default (false)
    [InlineData("loop", "{\"loop\":true}", true)]
    [InlineData("loop", "{\"loop\":false}", false)]
    [InlineData("true", "{\"loop\":false}", true)] // fixed: the request has no say
    [InlineData("false", "{\"loop\":true}", false)]
    public async Task The_MP4s_audio_track_follows_the_specs_output_audio(string audio, string extra, bool track)
    {
        var spec = await AcmeVariantAsync("sound-" + audio, ("  videoUrlsValidFor: PT6H", "  videoUrlsValidFor: PT6H\n  audio: " + audio));
        await using var emulator = await StartOnlyAsync(TimeSpan.Zero, spec);
        using var http = new EmulatorHttp(emulator);

        var body = "{\"model\":\"sound-" + audio + "\",\"text\":\"t\"" + (extra == "{}" ? string.Empty : "," + extra[1..^1]) + "}";
        var submitted = await http.SendAsync(HttpMethod.Put, AcmeSubmit, body);
        var id = submitted.Body.GetProperty("id").GetString()!;
        var done = await http.SendAsync(HttpMethod.Get, emulator.PollUri("sound-" + audio, id).AbsoluteUri, null);
        var url = done.Body.GetProperty("output").GetProperty("video_urls").EnumerateArray().Single().GetString()!;
        using var video = await http.GetAsync(url);

        var handlers = Mp4Boxes.Tracks(await video.Content.ReadAsByteArrayAsync()).Select(t => t.Handler).ToArray();
        Assert.Equal(track ? ["vide", "soun"] : ["vide"], handlers);
    }

    [Fact]
    public async Task The_official_channels_audio_false_gives_a_video_without_a_track()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.Zero });
        using var http = new EmulatorHttp(emulator);

        var body = "{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"p\",\"image_urls\":[\"https://example.com/a.png\"],\"audio\":false}";
        var id = (await http.SendAsync(HttpMethod.Post, emulator.SubmitUri("grok-imagine-video-1.5-official").AbsoluteUri, body)).Body.GetProperty("id").GetString()!;

        Assert.False(emulator.FindTask(id)!.Video.HasAudio);
        Assert.Equal(new EmulatedVideo(736, 400, TimeSpan.FromSeconds(8), false), emulator.FindTask(id)!.Video);
    }

    private static Task<ReapiEmulator> StartAsync(ReapiEmulatorOptions options)
    {
        options.SpecPaths.Add(AcmeSpec);
        return ReapiEmulator.StartAsync(options);
    }

    private static Task<ReapiEmulator> StartOnlyAsync(TimeSpan delay, params string[] specs)
    {
        var options = new ReapiEmulatorOptions { IncludeShippedSpecs = false, CompletionDelay = delay };
        foreach (var spec in specs)
        {
            options.SpecPaths.Add(spec);
        }

        return ReapiEmulator.StartAsync(options);
    }

    /// <summary>A copy of acme-motion-2 with another model id and the given text replacements.</summary>
    private async Task<string> AcmeVariantAsync(string model, params (string From, string To)[] edits)
    {
        var text = (await File.ReadAllTextAsync(AcmeSpec)).Replace("model: acme-motion-2", "model: " + model, StringComparison.Ordinal);
        foreach (var (from, to) in edits)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        var path = Path.Combine(_directory, model + ".yaml");
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}
