using System;
using System.Diagnostics;
using System.Net;
using System.Threading.Tasks;
using GrokContracts.Emulator;
using GrokContracts.Tests.TestSupport;

namespace GrokContracts.Tests;

/// <summary>Polls (GET) are retried on transient failures; a submit (POST) never is, because it bills.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task A_429_with_Retry_After_on_a_poll_is_waited_out_then_retried()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.Zero });
        using var client = TestClients.For(emulator);
        var submitted = await client.SubmitAsync(TestClients.Official());
        emulator.Faults.FailNextPolls(1, 429, "1");

        var clock = Stopwatch.StartNew();
        var task = await client.GetTaskAsync(TestClients.OfficialChannel, submitted.Id);

        Assert.Equal(VideoTaskStatus.Completed, task.StatusKind);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), "waited only " + clock.Elapsed);
        Assert.Equal(2, emulator.PollRequestCount);
    }

    [Fact]
    public async Task A_429_on_a_submit_is_surfaced_with_Retry_After_and_not_retried()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);
        emulator.Faults.FailNextSubmits(1, 429, "7");

        var ex = await Assert.ThrowsAsync<ReapiRateLimitedException>(() => client.SubmitAsync(TestClients.Official()));

        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal(42900, ex.Code);
        Assert.Equal(1, emulator.SubmitRequestCount);
        Assert.Empty(emulator.Tasks);
    }

    [Fact]
    public async Task A_500_on_a_poll_is_retried()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.Zero });
        using var client = TestClients.For(emulator);
        var submitted = await client.SubmitAsync(TestClients.Official());
        emulator.Faults.FailNextPolls(2, 500);

        var task = await client.GetTaskAsync(TestClients.OfficialChannel, submitted.Id);

        Assert.Equal(VideoTaskStatus.Completed, task.StatusKind);
        Assert.Equal(3, emulator.PollRequestCount);
    }

    [Fact]
    public async Task A_500_on_a_submit_is_not_retried()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);
        emulator.Faults.FailNextSubmits(1, 500);

        var ex = await Assert.ThrowsAsync<ReapiServerException>(() => client.SubmitAsync(TestClients.Official()));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(50000, ex.Code);
        Assert.Equal(1, emulator.SubmitRequestCount);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task Poll_retries_stop_after_three(int status)
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);
        var submitted = await client.SubmitAsync(TestClients.Official());
        emulator.Faults.FailNextPolls(10, status);

        var ex = await Assert.ThrowsAnyAsync<ReapiException>(() => client.GetTaskAsync(TestClients.OfficialChannel, submitted.Id));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(4, emulator.PollRequestCount);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(402)]
    [InlineData(403)]
    public async Task Polls_are_never_retried_on_client_errors(int status)
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);
        emulator.Faults.FailNextPolls(10, status);

        await Assert.ThrowsAnyAsync<ReapiException>(() => client.GetTaskAsync(TestClients.OfficialChannel, "task_1"));

        Assert.Equal(1, emulator.PollRequestCount);
    }

    [Fact]
    public async Task A_dropped_connection_on_a_poll_is_retried()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.Zero });
        using var client = TestClients.For(emulator);
        var submitted = await client.SubmitAsync(TestClients.Official());
        emulator.Faults.EnqueuePollFault(EmulatorFault.Drop(), 2);

        var task = await client.GetTaskAsync(TestClients.OfficialChannel, submitted.Id);

        Assert.Equal(VideoTaskStatus.Completed, task.StatusKind);
        Assert.Equal(3, emulator.PollRequestCount);
    }

    [Fact]
    public async Task A_dropped_connection_on_a_submit_is_an_unknown_outcome_and_not_retried()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);
        emulator.Faults.EnqueueSubmitFault(EmulatorFault.Drop());

        var ex = await Assert.ThrowsAsync<SubmitOutcomeUnknownException>(() => client.SubmitAsync(TestClients.Official()));

        Assert.Contains("do not blindly resubmit", ex.Message);
        Assert.Contains("poll", ex.Message);
        Assert.Null(ex.StatusCode);
        Assert.Equal(1, emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task A_gateway_error_page_on_a_submit_is_an_unknown_outcome()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);
        emulator.Faults.EnqueueSubmitFault(EmulatorFault.Raw(502, "<html><body>" + new string('x', 4000) + "</body></html>", "text/html"));

        var ex = await Assert.ThrowsAsync<SubmitOutcomeUnknownException>(() => client.SubmitAsync(TestClients.Official()));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.StartsWith("<html>", ex.RawBody);
        Assert.True(ex.RawBody!.Length <= 1024);
        Assert.Equal(1, emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task Waiting_rides_out_a_burst_of_failed_polls()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.Zero });
        using var client = TestClients.For(emulator);
        var submitted = await client.SubmitAsync(TestClients.Official());
        emulator.Faults.FailNextPolls(6, 503); // more than one poll's 3 retries

        var task = await client.WaitForCompletionAsync(TestClients.OfficialChannel, submitted.Id);

        Assert.Equal(VideoTaskStatus.Completed, task.StatusKind);
        Assert.Equal(7, emulator.PollRequestCount);
    }

    [Fact]
    public async Task Nothing_listening_is_a_connection_error_for_a_poll_and_not_sent_for_a_submit()
    {
        Uri baseUrl;
        await using (var emulator = await ReapiEmulator.StartAsync())
        {
            baseUrl = emulator.BaseUrl;
        }

        using var client = new GrokContractsClient(TestClients.Options(baseUrl));
        await Assert.ThrowsAsync<ReapiConnectionException>(() => client.GetTaskAsync(TestClients.OfficialChannel, "task_1"));
        var submit = await Assert.ThrowsAsync<ReapiConnectionException>(() => client.SubmitAsync(TestClients.Official()));
        Assert.Contains("not sent", submit.Message);
    }
}
