using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Acme.Motion;
using GrokContracts.Tests.TestSupport;

namespace GrokContracts.Tests;

/// <summary>
/// A channel unlike reAPI's in every run-time aspect (tests/Shared/Specs/acme-motion-2.yaml): another base URL, PUT to
/// submit, another poll path, several pending words, other success and failure words, other polling phases, no
/// refunds. The client must follow that spec, not reAPI's; all on a fake HTTP handler and a fake clock.
/// </summary>
public sealed class AcmeChannelTests
{
    private const string JobsUrl = "https://api.acme.test/v2/motion/jobs";
    private static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeSeconds(1735000000);

    private static ChannelDescriptor Acme => AcmeMotion2Channel.Descriptor;

    /// <summary>A task envelope as acme-motion-2 would send it.</summary>
    internal static string Envelope(string status, string id = "job_1", string error = "null", string videoUrl = "https://cdn.acme.test/job_1.mp4") =>
        "{\"id\":\"" + id + "\",\"model\":\"acme-motion-2\",\"status\":\"" + status + "\",\"created_at\":1735000000,"
        + (status == "done" ? "\"output\":{\"video_urls\":[\"" + videoUrl + "\"]}," : "\"output\":null,")
        + "\"error\":" + error + "}";

    /// <summary>acme-motion-2 with another base URL or polling schedule (what a spec loaded at run time could say).</summary>
    internal static ChannelDescriptor Variant(string baseUrl = "https://api.acme.test", PollingSchedule? polling = null) =>
        new(Acme.ModelId, baseUrl, Acme.Submit, Acme.Poll, Acme.Statuses, polling, Acme.VideoUrlsValidFor, Acme.Pricing);

    /// <summary>Options without a base URL or schedule: each channel's own, from its spec.</summary>
    internal static GrokContractsClientOptions Options(TimeProvider time) => new()
    {
        ApiKey = TestClients.Key,
        TimeProvider = time,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
    };

    [Fact]
    public void The_generated_descriptor_is_the_specs()
    {
        Assert.Equal("acme-motion-2", Acme.ModelId);
        Assert.Equal(new Uri("https://api.acme.test"), Acme.BaseUrl);
        Assert.Equal(("PUT", "/v2/motion/jobs"), (Acme.Submit.Method, Acme.Submit.Path));
        Assert.Equal(("GET", "/v2/motion/jobs/{id}/state"), (Acme.Poll.Method, Acme.Poll.Path));
        Assert.Equal(new[] { "queued", "running", "done", "error" }, Acme.Statuses.Select(s => s.Value));
        Assert.Equal(VideoTaskStatus.Processing, Acme.ParseStatus("queued"));
        Assert.Equal(VideoTaskStatus.Processing, Acme.ParseStatus("running"));
        Assert.Equal(VideoTaskStatus.Completed, Acme.ParseStatus("done"));
        Assert.Equal(VideoTaskStatus.Completed, Acme.ParseStatus("DONE"));
        Assert.Equal(VideoTaskStatus.Failed, Acme.ParseStatus("error"));
        Assert.Equal(VideoTaskStatus.Unknown, Acme.ParseStatus("completed")); // reAPI's word means nothing here
        Assert.Equal(VideoTaskStatus.Unknown, Acme.ParseStatus(null));
        Assert.Equal(TimeSpan.FromHours(2), Acme.Polling!.Timeout);
        Assert.Equal(TimeSpan.FromHours(6), Acme.VideoUrlsValidFor);
        Assert.False(Acme.Pricing!.RefundsFailed);
        Assert.Same(Acme, ((IContractRequest)new MotionRequest("a paper boat in the rain")).Channel);
        Assert.Equal("acme-motion-2", new MotionRequest("a paper boat in the rain").ModelId);
    }

    [Fact]
    public async Task A_MotionRequest_is_PUT_to_the_specs_base_url_and_polled_at_its_state_path_until_done()
    {
        var time = new WaitAwareTimeProvider(Epoch);
        string? body = null;
        var statuses = new[] { "queued", "queued", "running", "rendering", "done" }; // "rendering" is no word of the spec
        var stub = new StubHandler((request, n) =>
        {
            if (n == 1)
            {
                body = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
            }

            return StubHandler.Json(n == 1 ? HttpStatusCode.Created : HttpStatusCode.OK, Envelope(statuses[n - 1]));
        });
        using var client = new GrokContractsClient(Options(time), stub);
        var request = new MotionRequest("a paper boat in the rain");
        var reports = new ConcurrentQueue<TaskProgress>();

        var done = await time.DriveToTimersAsync(client.GenerateAsync(request, progress: new SyncProgress<TaskProgress>(reports.Enqueue)), maxSteps: 20);

        Assert.Equal(VideoTaskStatus.Completed, done.StatusKind);
        Assert.Equal("done", done.Status);
        Assert.Same(Acme, done.Channel);
        Assert.Equal("https://cdn.acme.test/job_1.mp4", Assert.Single(done.Output!.VideoUrls));
        var seen = stub.Seen;
        Assert.Equal(5, seen.Count);
        Assert.Equal((HttpMethod.Put, new Uri(JobsUrl)), (seen[0].Method, seen[0].Uri));
        Assert.All(seen.Skip(1), r => Assert.Equal((HttpMethod.Get, new Uri(JobsUrl + "/job_1/state")), (r.Method, r.Uri)));
        Assert.All(seen, r => Assert.Equal("Bearer " + TestClients.Key, r.Authorization));
        Assert.Equal(request.ToJson(), body);
        using (var json = JsonDocument.Parse(body!))
        {
            Assert.Equal("acme-motion-2", json.RootElement.GetProperty("model").GetString());
            Assert.Equal("a paper boat in the rain", json.RootElement.GetProperty("text").GetString());
        }

        // The submit's queued, then one report per poll: the unknown word is tolerated as still pending.
        Assert.Equal(new[] { "queued", "queued", "running", "rendering", "done" }, reports.Select(r => r.Task.Status));
        Assert.Equal(new[] { VideoTaskStatus.Processing, VideoTaskStatus.Processing, VideoTaskStatus.Processing, VideoTaskStatus.Unknown, VideoTaskStatus.Completed }, reports.Select(r => r.Task.StatusKind));
        Assert.Equal(new[] { 2d, 4, 6, 8 }, reports.Skip(1).Select(r => r.Elapsed.TotalSeconds)); // acme's first phase: every 2 s
        Assert.Equal(TimeSpan.FromSeconds(2), reports.First().NextPollIn);
    }

    [Fact]
    public async Task An_error_status_fails_the_task_without_promising_a_refund()
    {
        var time = new WaitAwareTimeProvider(Epoch);
        var stub = new StubHandler((_, n) => StubHandler.Json(
            HttpStatusCode.OK,
            n < 3 ? Envelope(n == 1 ? "queued" : "running") : Envelope("error", error: "{\"code\":41099,\"message\":\"render crashed\"}")));
        using var client = new GrokContractsClient(Options(time), stub);

        var generating = client.GenerateAsync(new MotionRequest("a paper boat in the rain"));
        var ex = await Assert.ThrowsAsync<TaskFailedException>(() => time.DriveToTimersAsync(generating, maxSteps: 20));

        Assert.Equal("error", ex.Task.Status);
        Assert.Equal(VideoTaskStatus.Failed, ex.Task.StatusKind);
        Assert.Equal(41099, ex.Code);
        Assert.Equal("render crashed", ex.ErrorMessage);
        Assert.Contains("job_1", ex.Message);
        Assert.DoesNotContain("refund", ex.Message, StringComparison.OrdinalIgnoreCase); // refundsFailed: false
        Assert.Equal(3, stub.Calls);

        // The same failure on a channel whose spec says refundsFailed: true does promise the refund.
        var reapi = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, StubHandler.Envelope("failed")));
        using var reapiClient = TestClients.ForStub(reapi);
        var refunded = await Assert.ThrowsAsync<TaskFailedException>(() => reapiClient.WaitForCompletionAsync(TestClients.OfficialChannel, "task_abc"));
        Assert.Contains("refunded", refunded.Message);
    }

    [Fact]
    public async Task The_acme_schedule_polls_every_2_s_for_30_s_then_ever_less_often()
    {
        var time = new WaitAwareTimeProvider(Epoch);
        var doneAt = TimeSpan.FromMinutes(3);
        var pollTimes = new ConcurrentQueue<TimeSpan>();
        var stub = new StubHandler((request, n) =>
        {
            var elapsed = time.GetUtcNow() - Epoch;
            if (n > 1)
            {
                pollTimes.Enqueue(elapsed);
            }

            return StubHandler.Json(HttpStatusCode.OK, Envelope(n > 1 && elapsed >= doneAt ? "done" : "running"));
        });
        using var client = new GrokContractsClient(Options(time), stub);

        var done = await time.DriveToTimersAsync(client.GenerateAsync(new MotionRequest("a paper boat in the rain")), maxSteps: 200);

        Assert.Equal(VideoTaskStatus.Completed, done.StatusKind);
        var expected = PollingTests.Expected.AcmePollTimes(doneAt.TotalSeconds);
        // Every 2 s up to 30 s (15 polls), then interval(t) = 2 + 18 × (t - 30) / 570 s at each poll time t:
        // 32, 34.06, 36.19, ... 173.07, 179.59, 186.32 s, the first poll at or after 3 minutes; 55 polls in all.
        Assert.Equal(55, expected.Count);
        Assert.Equal(Enumerable.Range(1, 15).Select(i => 2d * i), expected.Take(15));
        Assert.Equal(55, pollTimes.Count);
        Assert.All(
            expected.Zip(pollTimes, (e, a) => (Expected: e, Actual: a.TotalSeconds)),
            p => Assert.True(Math.Abs(p.Expected - p.Actual) < 0.001, p.ToString()));
        var gaps = pollTimes.Zip(pollTimes.Skip(1), (a, b) => b - a).ToArray();
        Assert.All(gaps.Take(15), g => Assert.Equal(TimeSpan.FromSeconds(2), g));
        Assert.All(gaps.Skip(15).Zip(gaps.Skip(16), (a, b) => (a, b)), p => Assert.True(p.b > p.a, p.ToString())); // growing
    }

    [Fact]
    public async Task An_explicit_options_BaseUrl_takes_the_channels_requests_instead()
    {
        var stub = new StubHandler((_, n) => StubHandler.Json(HttpStatusCode.OK, Envelope(n == 1 ? "queued" : "done")));
        var options = Options(TimeProvider.System);
        options.BaseUrl = new Uri("https://gateway.example/acme");
        using var client = new GrokContractsClient(options, stub);

        var submitted = await client.SubmitAsync(new MotionRequest("a paper boat in the rain"));
        var polled = await client.GetTaskAsync(Acme, submitted.Id);

        Assert.Equal(VideoTaskStatus.Completed, polled.StatusKind);
        Assert.Equal(new Uri("https://gateway.example/acme/"), client.GetBaseUrl(Acme));
        Assert.Equal(
            new[] { (HttpMethod.Put, new Uri("https://gateway.example/acme/v2/motion/jobs")), (HttpMethod.Get, new Uri("https://gateway.example/acme/v2/motion/jobs/job_1/state")) },
            stub.Seen.Select(r => (r.Method, r.Uri)));
    }

    [Theory]
    [InlineData("http://api.acme.test")]
    [InlineData("http://203.0.113.9:8080")]
    public async Task A_plain_http_spec_base_url_off_loopback_is_refused_before_anything_is_sent(string baseUrl)
    {
        var insecure = Variant(baseUrl);
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, Envelope("queued")));
        using var client = new GrokContractsClient(Options(TimeProvider.System), stub);
        var request = new RawJsonRequest("acme-motion-2", "{\"model\":\"acme-motion-2\",\"text\":\"a paper boat\"}", insecure);

        var submit = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SubmitAsync(request));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetTaskAsync(insecure, "job_1"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.WaitForCompletionAsync(insecure, "job_1"));
        Assert.Throws<InvalidOperationException>(() => client.GetBaseUrl(insecure));

        Assert.Equal(0, stub.Calls);
        Assert.Contains("https", submit.Message);
        Assert.DoesNotContain(TestClients.Key, submit.ToString());
    }

    [Fact]
    public async Task A_plain_http_spec_base_url_is_fine_on_loopback_or_behind_an_explicit_https_base_url()
    {
        var local = Variant("http://127.0.0.1:5000/acme");
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, Envelope("running")));
        using var client = new GrokContractsClient(Options(TimeProvider.System), stub);

        await client.GetTaskAsync(local, "job_1");

        Assert.Equal(new Uri("http://127.0.0.1:5000/acme/v2/motion/jobs/job_1/state"), Assert.Single(stub.Seen).Uri);

        var options = Options(TimeProvider.System);
        options.BaseUrl = new Uri("https://gateway.example");
        using var gateway = new GrokContractsClient(options, new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, Envelope("running"))));
        Assert.Equal(new Uri("https://gateway.example/"), gateway.GetBaseUrl(Variant("http://api.acme.test")));
    }

    [Fact]
    public async Task A_new_client_resumes_a_task_known_only_by_its_id()
    {
        var time = new WaitAwareTimeProvider(Epoch);
        var polls = 0;
        var requests = new ConcurrentQueue<(string Method, string Path)>();
        HttpResponseMessage Server(HttpRequestMessage request, int _)
        {
            requests.Enqueue((request.Method.Method, request.RequestUri!.AbsolutePath));
            if (request.Method == HttpMethod.Put)
            {
                return StubHandler.Json(HttpStatusCode.Created, Envelope("queued", "job_42"));
            }

            return StubHandler.Json(HttpStatusCode.OK, Envelope(Interlocked.Increment(ref polls) >= 3 ? "done" : "running", "job_42"));
        }

        string id;
        using (var first = new GrokContractsClient(Options(time), new StubHandler(Server)))
        {
            id = (await first.SubmitAsync(new MotionRequest("a paper boat in the rain"))).Id;
        }

        // "Restart": a new client knows nothing but the channel and the id.
        using var second = new GrokContractsClient(Options(time), new StubHandler(Server));
        var running = await second.GetTaskAsync(Acme, id);
        var done = await time.DriveToTimersAsync(second.WaitForCompletionAsync(Acme, id), maxSteps: 20);

        Assert.Equal("job_42", id);
        Assert.Equal(VideoTaskStatus.Processing, running.StatusKind);
        Assert.Equal(VideoTaskStatus.Completed, done.StatusKind);
        Assert.Equal("job_42", done.Id);
        Assert.Same(Acme, done.Channel);
        Assert.Equal(TimeSpan.FromSeconds(2), time.GetUtcNow() - Epoch); // polled at once, then 2 s later (acme's schedule)
        Assert.Equal(
            new[] { ("PUT", "/v2/motion/jobs"), ("GET", "/v2/motion/jobs/job_42/state"), ("GET", "/v2/motion/jobs/job_42/state"), ("GET", "/v2/motion/jobs/job_42/state") },
            requests);
    }

    [Fact]
    public async Task A_PUT_submit_is_never_retried_but_a_poll_of_the_state_path_is()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.ServiceUnavailable, "{\"error\":{\"code\":50300,\"message\":\"busy\"}}"));
        using var client = new GrokContractsClient(Options(TimeProvider.System), stub);

        await Assert.ThrowsAnyAsync<ReapiException>(() => client.SubmitAsync(new MotionRequest("a paper boat in the rain")));
        Assert.Equal(1, stub.Calls); // a submit that may have reached the server bills: never sent twice

        await Assert.ThrowsAnyAsync<ReapiException>(() => client.GetTaskAsync(Acme, "job_1"));
        Assert.Equal(5, stub.Calls); // the GET: once and 3 retries (MaxPollRetries)
        Assert.Equal(HttpMethod.Put, stub.Seen[0].Method);
        Assert.All(stub.Seen.Skip(1), r => Assert.Equal((HttpMethod.Get, new Uri(JobsUrl + "/job_1/state")), (r.Method, r.Uri)));
    }

    [Fact]
    public async Task A_poll_with_an_unsafe_method_is_retried_like_a_GET_and_a_submit_is_not()
    {
        // A channel that submits and polls with POST (some APIs read a task's state by POSTing its id).
        var posting = new ChannelDescriptor(
            Acme.ModelId, Acme.BaseUrl.AbsoluteUri, new ChannelEndpoint("POST", "/v2/motion/jobs"), new ChannelEndpoint("POST", "/v2/motion/jobs/{id}/state"),
            Acme.Statuses, Acme.Polling, Acme.VideoUrlsValidFor, Acme.Pricing);
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.ServiceUnavailable, "{\"error\":{\"code\":50300,\"message\":\"busy\"}}"));
        using var client = new GrokContractsClient(Options(TimeProvider.System), stub);

        await Assert.ThrowsAnyAsync<ReapiException>(() => client.GetTaskAsync(posting, "job_1"));
        Assert.Equal(4, stub.Calls); // once and 3 retries (MaxPollRetries), as a GET poll gets
        Assert.All(stub.Seen, r => Assert.Equal((HttpMethod.Post, new Uri(JobsUrl + "/job_1/state")), (r.Method, r.Uri)));

        // A submit is still sent once, whatever its method (A_PUT_submit_is_never_retried…, the POST submit tests).
        await Assert.ThrowsAnyAsync<ReapiException>(() => client.SubmitAsync(new MotionRequest("a paper boat in the rain")));
        Assert.Equal(5, stub.Calls);
    }

    [Fact]
    public async Task A_download_sends_the_key_only_to_the_task_channels_origin()
    {
        var stub = new StubHandler((request, _) => request.RequestUri!.AbsolutePath.EndsWith("/state", StringComparison.Ordinal)
            ? StubHandler.Json(HttpStatusCode.OK, Envelope("done", videoUrl: request.RequestUri.AbsolutePath.Contains("job_api", StringComparison.Ordinal) ? "https://api.acme.test/media/job_api.mp4" : "https://cdn.acme.test/job_cdn.mp4", id: request.RequestUri.Segments[^2].TrimEnd('/')))
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) });
        using var client = new GrokContractsClient(Options(TimeProvider.System), stub);
        var onApi = await client.GetTaskAsync(Acme, "job_api");
        var onCdn = await client.GetTaskAsync(Acme, "job_cdn");

        Assert.Equal(3, await client.DownloadAsync(onApi, Stream.Null));
        Assert.Equal(3, await client.DownloadAsync(onCdn, Stream.Null));
        Assert.Equal(3, await client.DownloadAsync("https://api.acme.test/media/job_api.mp4", Stream.Null));

        var downloads = stub.Seen.Skip(2).ToArray();
        Assert.Equal(new Uri("https://api.acme.test/media/job_api.mp4"), downloads[0].Uri);
        Assert.Equal("Bearer " + TestClients.Key, downloads[0].Authorization); // the channel's own origin
        Assert.Equal(new Uri("https://cdn.acme.test/job_cdn.mp4"), downloads[1].Uri);
        Assert.Null(downloads[1].Authorization); // another host: never the key
        Assert.Null(downloads[2].Authorization); // a bare URL with no explicit options base URL: no origin to trust
    }
}
