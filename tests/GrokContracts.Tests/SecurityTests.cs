using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using GrokContracts.Emulator;
using GrokContracts.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace GrokContracts.Tests;

public sealed class SecurityTests
{
    private const string Canary = "sk-CANARY-7f3a9c1e5b2d";

    /// <summary>
    /// Makes the emulator answer the next submit (or every poll, beyond the client's retries) with <paramref name="status"/>,
    /// calls, and clears what the call left over (a fault not retried must not leak into the next call).
    /// </summary>
    private static async Task Fail(ReapiEmulator emulator, int status, bool submit, Func<Task> call)
    {
        if (submit)
        {
            emulator.Faults.FailNextSubmits(1, status, "0");
        }
        else
        {
            emulator.Faults.FailNextPolls(5, status, "0");
        }

        try
        {
            await call();
        }
        finally
        {
            emulator.Faults.Clear();
        }
    }

    [Fact]
    public async Task The_key_never_appears_in_logs_at_Trace_or_in_any_exception_across_the_fault_matrix()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.FromMilliseconds(30) });
        await using var locked = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { ApiKey = "some-other-key" });
        var logs = new CapturingLoggerProvider();
        var texts = new List<string>();
        using var provider = Services(emulator.BaseUrl, logs);
        using var lockedProvider = Services(locked.BaseUrl, logs);
        var client = provider.GetRequiredService<IGrokContractsClient>();
        var lockedClient = lockedProvider.GetRequiredService<IGrokContractsClient>();
        texts.Add(client.ToString()!);
        texts.Add(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GrokContractsClientOptions>>().Value.ToString());

        // Each faulting call must fail the documented way (docs/client.md, "Outcomes"): a call that swallowed its fault,
        // or failed some other way, would make the key check below pass for the wrong reason.
        async Task Expect<TException>(Func<Task> action)
            where TException : Exception
        {
            var ex = await Record.ExceptionAsync(action);
            Assert.True(ex is TException, $"expected {typeof(TException).Name}, got {ex?.GetType().Name ?? "no exception"}: {ex}");
            texts.Add(ex!.ToString());
            texts.Add(ex.Message);
            texts.Add((ex as ReapiException)?.RawBody ?? string.Empty);
        }

        var done = await client.GenerateAsync(TestClients.Official());
        await client.DownloadAsync(done.Output!.VideoUrls[0], Stream.Null);
        await Expect<ReapiRateLimitedException>(() => Fail(emulator, 429, submit: true, () => client.SubmitAsync(TestClients.Official())));
        await Expect<ReapiRateLimitedException>(() => Fail(emulator, 429, submit: false, () => client.GetTaskAsync(TestClients.OfficialChannel, done.Id)));
        // A submit's 500/503 with the API's envelope is the API's own answer; a gateway's 502 leaves the outcome unknown.
        await Expect<ReapiServerException>(() => Fail(emulator, 500, submit: true, () => client.SubmitAsync(TestClients.Official())));
        await Expect<SubmitOutcomeUnknownException>(() => Fail(emulator, 502, submit: true, () => client.SubmitAsync(TestClients.Official())));
        await Expect<ReapiServerException>(() => Fail(emulator, 503, submit: true, () => client.SubmitAsync(TestClients.Official())));
        foreach (var status in new[] { 500, 502, 503 })
        {
            await Expect<ReapiServerException>(() => Fail(emulator, status, submit: false, () => client.GetTaskAsync(TestClients.OfficialChannel, done.Id)));
        }

        await Expect<ReapiInsufficientCreditException>(() => Fail(emulator, 402, submit: true, () => client.SubmitAsync(TestClients.Official())));
        await Expect<ReapiInsufficientCreditException>(() => Fail(emulator, 402, submit: false, () => client.GetTaskAsync(TestClients.OfficialChannel, done.Id)));
        await Expect<ReapiAuthenticationException>(() => Fail(emulator, 403, submit: true, () => client.SubmitAsync(TestClients.Official())));
        await Expect<ReapiAuthenticationException>(() => Fail(emulator, 403, submit: false, () => client.GetTaskAsync(TestClients.OfficialChannel, done.Id)));

        emulator.Faults.EnqueueSubmitFault(EmulatorFault.Drop());
        await Expect<SubmitOutcomeUnknownException>(() => client.SubmitAsync(TestClients.Official()));
        emulator.Faults.EnqueueSubmitFault(EmulatorFault.Raw(200, "garbage"));
        await Expect<SubmitOutcomeUnknownException>(() => client.SubmitAsync(TestClients.Official()));
        emulator.Faults.EnqueuePollFault(EmulatorFault.Drop(), 5);
        await Expect<ReapiConnectionException>(() => client.GetTaskAsync(TestClients.OfficialChannel, done.Id));
        emulator.Faults.Clear();
        emulator.Faults.EnqueuePollFault(EmulatorFault.Raw(200, "{\"deep\":" + new string('[', 80) + new string(']', 80) + "}"));
        await Expect<ReapiProtocolException>(() => client.GetTaskAsync(TestClients.OfficialChannel, done.Id));
        await Expect<ReapiNotFoundException>(() => client.GetTaskAsync(TestClients.OfficialChannel, "task_missing"));
        await Expect<ArgumentException>(() => client.GetTaskAsync(TestClients.OfficialChannel, "../x"));
        await Expect<TaskFailedException>(() => client.GenerateAsync(TestClients.Official().WithPrompt("x " + ReapiEmulatorOptions.DefaultFailureToken)));
        await Expect<ContractValidationException>(() => client.SubmitAsync(TestClients.Official().WithDuration(1)));
        await Expect<ArgumentException>(() => client.DownloadAsync("http://203.0.113.9/v.mp4", Stream.Null));
        await Expect<ReapiAuthenticationException>(() => lockedClient.SubmitAsync(TestClients.Official()));
        await Expect<ReapiAuthenticationException>(() => lockedClient.WaitForCompletionAsync(TestClients.OfficialChannel, "task_x"));

        Assert.True(texts.Count > 30);
        Assert.Contains("Trace", logs.AllText); // the capture really ran at Trace
        Assert.Contains("Authorization: *", logs.AllText); // header logging ran, and its value was redacted
        Assert.DoesNotContain(Canary, logs.AllText);
        Assert.All(texts, text => Assert.DoesNotContain(Canary, text));
    }

    [Fact]
    public async Task A_server_echoing_the_key_back_is_redacted()
    {
        var stub = new StubHandler((request, n) => n == 1
            ? StubHandler.Json(HttpStatusCode.Unauthorized, "{\"error\":{\"code\":10002,\"message\":\"bad token " + Canary + "\",\"request_id\":\"r1\"}}")
            : StubHandler.Json(HttpStatusCode.BadGateway, "<p>you sent Bearer " + Canary + "</p>"));
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = TestClients.ForStub(stub, Canary, factory.CreateLogger<GrokContractsClient>());

        var auth = await Assert.ThrowsAsync<ReapiAuthenticationException>(() => client.GetTaskAsync(TestClients.OfficialChannel, "t"));
        var gateway = await Assert.ThrowsAsync<SubmitOutcomeUnknownException>(() => client.SubmitAsync(TestClients.Official()));

        Assert.Contains("[redacted]", auth.Message);
        Assert.Contains("[redacted]", gateway.RawBody);
        Assert.DoesNotContain(Canary, auth.ToString() + gateway.ToString() + gateway.RawBody + logs.AllText);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a?b")]
    [InlineData("%2e%2e")]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("a#b")]
    [InlineData("")]
    [InlineData("tásk")]
    [InlineData("task\n1")]
    public async Task Hostile_task_ids_are_rejected_before_sending(string id)
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTaskAsync(TestClients.OfficialChannel, id));
        await Assert.ThrowsAsync<ArgumentException>(() => client.WaitForCompletionAsync(TestClients.OfficialChannel, id));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTaskAsync(TestClients.OfficialChannel, new string('a', 129)));

        Assert.Equal(0, emulator.PollRequestCount);
    }

    [Theory]
    [InlineData("http://reapi.ai")]
    [InlineData("http://203.0.113.9:8080")]
    [InlineData("ftp://reapi.ai")]
    [InlineData("https://user:pass@reapi.ai")]
    public void Only_https_or_loopback_base_urls_are_accepted(string url)
    {
        var ex = Assert.Throws<ArgumentException>(() => new GrokContractsClient(TestClients.Options(new Uri(url), Canary)));
        Assert.DoesNotContain(Canary, ex.ToString());
    }

    [Theory]
    [InlineData("https://reapi.ai")]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://127.9.9.9:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    public void Https_and_loopback_base_urls_are_accepted(string url)
    {
        using var client = new GrokContractsClient(TestClients.Options(new Uri(url)));
        Assert.NotNull(client.BaseUrl);
        Assert.StartsWith(url, client.BaseUrl!.AbsoluteUri);
        Assert.Equal(client.BaseUrl, client.GetBaseUrl(TestClients.OfficialChannel)); // an explicit base URL serves every channel
    }

    [Fact]
    public void A_missing_key_is_rejected_without_echoing_options()
    {
        Assert.Throws<ArgumentException>(() => new GrokContractsClient(new GrokContractsClientOptions()));
        Assert.Throws<ArgumentException>(() => new GrokContractsClient(TestClients.Options(new Uri("https://reapi.ai"), "two words")));
        var options = TestClients.Options(new Uri("https://reapi.ai"), Canary);
        Assert.DoesNotContain(Canary, options.ToString());
        Assert.Contains("[redacted]", options.ToString());
    }

    [Fact]
    public async Task Api_redirects_are_not_followed()
    {
        var stub = new StubHandler((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            response.Headers.Location = new Uri("https://evil.example/steal");
            return response;
        });
        using var client = TestClients.ForStub(stub);

        var ex = await Assert.ThrowsAsync<ReapiException>(() => client.GetTaskAsync(TestClients.OfficialChannel, "task_1"));

        Assert.Equal(HttpStatusCode.Found, ex.StatusCode);
        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task A_download_redirect_to_another_host_drops_the_key()
    {
        var stub = new StubHandler((request, n) =>
        {
            if (n == 1)
            {
                var redirect = new HttpResponseMessage(HttpStatusCode.Found);
                redirect.Headers.Location = new Uri("https://cdn.other.example/v.mp4?sig=1");
                return redirect;
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Mp4Video.Bytes.ToArray()) };
        });
        using var client = TestClients.ForStub(stub, Canary);
        using var file = new MemoryStream();

        var written = await client.DownloadAsync("https://api.test.example/media/tasks/t/0.mp4", file);

        Assert.Equal(Mp4Video.Bytes.Length, written);
        var seen = stub.Seen;
        Assert.Equal(2, seen.Count);
        Assert.Equal("Bearer " + Canary, seen[0].Authorization); // same origin as the API
        Assert.Equal("cdn.other.example", seen[1].Uri.Host);
        Assert.Null(seen[1].Authorization);
    }

    [Fact]
    public async Task A_download_never_goes_to_plain_http_on_a_public_host()
    {
        var stub = new StubHandler((_, _) =>
        {
            var redirect = new HttpResponseMessage(HttpStatusCode.MovedPermanently);
            redirect.Headers.Location = new Uri("http://cdn.other.example/v.mp4");
            return redirect;
        });
        using var client = TestClients.ForStub(stub);

        await Assert.ThrowsAsync<ArgumentException>(() => client.DownloadAsync("http://cdn.other.example/v.mp4", Stream.Null));
        await Assert.ThrowsAsync<ReapiProtocolException>(() => client.DownloadAsync("https://api.test.example/v.mp4", Stream.Null));
        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task The_retry_pipeline_never_retries_a_POST_but_retries_a_GET_three_times()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.ServiceUnavailable, "{\"error\":{\"code\":50300,\"message\":\"busy\"}}"));
        var options = TestClients.Options(new Uri("https://api.test.example"));
        using var http = new HttpClient(new ResilienceHandler(PollRetryPipeline.Build(options)) { InnerHandler = stub });

        using (var post = await http.PostAsync(new Uri("https://api.test.example/api/v1/videos/generations"), new StringContent("{}")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        }

        Assert.Equal(1, stub.Calls);
        using (var get = await http.GetAsync(new Uri("https://api.test.example/api/v1/tasks/t")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, get.StatusCode);
        }

        Assert.Equal(5, stub.Calls);
    }

    private static ServiceProvider Services(Uri baseUrl, CapturingLoggerProvider logs)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddGrokContractsClient(o =>
        {
            o.ApiKey = Canary;
            o.BaseUrl = baseUrl;
            o.PollingSchedule = TestClients.Fast;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        });
        return services.BuildServiceProvider();
    }
}
