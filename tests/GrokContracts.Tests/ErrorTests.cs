using System;
using System.Net;
using System.Threading.Tasks;
using GrokContracts.Emulator;
using GrokContracts.Tests.TestSupport;

namespace GrokContracts.Tests;

/// <summary>Every typed outcome users catch, against the emulator.</summary>
public sealed class ErrorTests
{
    [Fact]
    public async Task An_invalid_request_is_never_sent()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);

        var ex = await Assert.ThrowsAsync<ContractValidationException>(() => client.SubmitAsync(TestClients.Official().WithDuration(99)));
        Assert.Equal(20003, ex.Code);
        var empty = await Assert.ThrowsAsync<ContractValidationException>(() => client.GenerateAsync(TestClients.Official().WithPrompt(string.Empty)));
        Assert.Equal(20002, empty.Code);

        Assert.Equal(0, emulator.SubmitRequestCount);
    }

    [Theory]
    [InlineData("{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"p\",\"image_urls\":[\"https://a.example/x.png\"],\"duration\":99}", 20003)]
    [InlineData("{\"model\":\"grok-imagine-video-1.5-official\",\"image_urls\":[\"https://a.example/x.png\"]}", 20002)]
    [InlineData("{\"model\":\"no-such-model\",\"prompt\":\"p\",\"image_urls\":[\"https://a.example/x.png\"]}", 20003)]
    public async Task A_server_side_rejection_is_a_validation_exception_with_code_and_request_id(string json, int code)
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);

        var ex = await Assert.ThrowsAsync<ReapiValidationException>(() => client.SubmitAsync(new RawJsonRequest("any", json)));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(code, ex.Code);
        Assert.StartsWith("req_", ex.RequestId);
        Assert.Null(ex.RawBody);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        Assert.Equal(1, emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task A_wrong_key_is_an_authentication_exception()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { ApiKey = "the-right-key" });
        using var client = TestClients.For(emulator, key: "the-wrong-key");

        var submit = await Assert.ThrowsAsync<ReapiAuthenticationException>(() => client.SubmitAsync(TestClients.Official()));
        Assert.Equal(HttpStatusCode.Unauthorized, submit.StatusCode);
        Assert.Equal(10003, submit.Code);
        var poll = await Assert.ThrowsAsync<ReapiAuthenticationException>(() => client.GetTaskAsync(TestClients.OfficialChannel, "task_x"));
        Assert.Equal(10003, poll.Code);
        Assert.Equal(1, emulator.PollRequestCount); // 401 is never retried
    }

    [Fact]
    public async Task An_unknown_task_is_not_found()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);

        var ex = await Assert.ThrowsAsync<ReapiNotFoundException>(() => client.GetTaskAsync(TestClients.OfficialChannel, "task_does_not_exist"));
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.StartsWith("req_", ex.RequestId);
        await Assert.ThrowsAsync<ReapiNotFoundException>(() => client.WaitForCompletionAsync(TestClients.OfficialChannel, "task_does_not_exist"));
        Assert.Equal(2, emulator.PollRequestCount); // 404 is never retried
    }

    [Fact]
    public async Task A_failed_task_throws_TaskFailedException_with_its_error()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.FromMilliseconds(50) });
        using var client = TestClients.For(emulator);

        var ex = await Assert.ThrowsAsync<TaskFailedException>(() => client.GenerateAsync(TestClients.Official().WithPrompt("explode " + ReapiEmulatorOptions.DefaultFailureToken)));

        Assert.Equal(50001, ex.Code);
        Assert.Equal(VideoTaskStatus.Failed, ex.Task.StatusKind);
        Assert.Equal("video generation failed (emulated)", ex.ErrorMessage);
        Assert.StartsWith("task_", ex.TaskId);
        Assert.Contains("refunded", ex.Message);
        Assert.IsAssignableFrom<ReapiException>(ex);
    }

    [Fact]
    public async Task Insufficient_credit_is_its_own_type()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);
        emulator.Faults.FailNextSubmits(1, 402);

        var ex = await Assert.ThrowsAsync<ReapiInsufficientCreditException>(() => client.SubmitAsync(TestClients.Official()));
        Assert.Equal(40200, ex.Code);
        Assert.Equal(1, emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task Downloading_a_task_without_video_is_an_error()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.FromHours(1) });
        using var client = TestClients.For(emulator);
        var submitted = await client.SubmitAsync(TestClients.Official());

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.DownloadAsync(submitted, System.IO.Stream.Null));
        var ex = await Assert.ThrowsAsync<ReapiNotFoundException>(() => client.DownloadAsync(new Uri(emulator.BaseUrl, "media/tasks/" + submitted.Id + "/0.mp4").AbsoluteUri, System.IO.Stream.Null));
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }
}
