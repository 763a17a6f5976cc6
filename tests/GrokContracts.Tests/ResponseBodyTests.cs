using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using GrokContracts.Emulator;
using GrokContracts.Tests.TestSupport;

namespace GrokContracts.Tests;

/// <summary>Whatever a server sends, the client answers with a typed outcome, bounded and forward compatible.</summary>
public sealed class ResponseBodyTests
{
    [Theory]
    [InlineData("{\"id\":\"task_1\",\"status\":")]
    [InlineData("<html>oops</html>")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"id\":42,\"status\":\"processing\"}")]
    [InlineData("{\"status\":\"processing\"}")]
    public async Task A_poll_answer_that_is_not_the_envelope_is_a_protocol_error(string body)
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);
        emulator.Faults.EnqueuePollFault(EmulatorFault.Raw(200, body));

        var ex = await Assert.ThrowsAsync<ReapiProtocolException>(() => client.GetTaskAsync(TestClients.OfficialChannel, "task_1"));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(body, ex.RawBody);
        Assert.Equal(1, emulator.PollRequestCount);
    }

    [Fact]
    public async Task An_oversized_answer_is_cut_at_the_limit_and_keeps_one_KiB()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);
        var huge = "{\"id\":\"task_1\",\"status\":\"processing\",\"pad\":\"" + new string('a', 5 * 1024 * 1024) + "\"}";
        emulator.Faults.EnqueuePollFault(EmulatorFault.Raw(200, huge));

        var ex = await Assert.ThrowsAsync<ReapiProtocolException>(() => client.GetTaskAsync(TestClients.OfficialChannel, "task_1"));

        Assert.Contains("larger than", ex.Message);
        Assert.Equal(1024, ex.RawBody!.Length);
        Assert.StartsWith("{\"id\":\"task_1\"", ex.RawBody);
    }

    [Fact]
    public async Task JSON_deeper_than_64_levels_is_rejected()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);
        var deep = "{\"id\":\"task_1\",\"status\":\"processing\",\"x\":" + new string('[', 100) + new string(']', 100) + "}";
        emulator.Faults.EnqueuePollFault(EmulatorFault.Raw(200, deep));

        await Assert.ThrowsAsync<ReapiProtocolException>(() => client.GetTaskAsync(TestClients.OfficialChannel, "task_1"));
    }

    [Fact]
    public async Task A_200_on_a_submit_that_is_not_the_envelope_is_an_unknown_outcome()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);
        emulator.Faults.EnqueueSubmitFault(EmulatorFault.Raw(200, "{\"ok\":true}"));

        var ex = await Assert.ThrowsAsync<SubmitOutcomeUnknownException>(() => client.SubmitAsync(TestClients.Official()));

        Assert.Equal("{\"ok\":true}", ex.RawBody);
        Assert.Contains(SubmitOutcomeUnknownException.Advice, ex.Message);
        Assert.Equal(1, emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task An_error_that_is_not_the_envelope_keeps_status_request_id_and_a_KiB_of_body()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.Forbidden, "<h1>" + new string('é', 2000) + "</h1>", ("x-request-id", "req_header")));
        using var client = TestClients.ForStub(stub);

        var ex = await Assert.ThrowsAsync<ReapiAuthenticationException>(() => client.GetTaskAsync(TestClients.OfficialChannel, "task_1"));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Null(ex.Code);
        Assert.Equal("req_header", ex.RequestId);
        Assert.True(Encoding.UTF8.GetByteCount(ex.RawBody!) <= 1024);
        Assert.DoesNotContain('\uFFFD', ex.RawBody!); // not cut inside a UTF-8 sequence
    }

    [Fact]
    public async Task Unknown_statuses_and_fields_are_tolerated_and_waiting_goes_on()
    {
        var stub = new StubHandler((request, n) => n switch
        {
            1 => StubHandler.Json(HttpStatusCode.OK, StubHandler.Envelope("queued", extra: ",\"progress\":{\"pct\":3},\"eta\":12")),
            2 => StubHandler.Json(HttpStatusCode.OK, StubHandler.Envelope("rendering_audio")),
            _ => StubHandler.Json(HttpStatusCode.OK, StubHandler.Envelope("completed")),
        });
        using var client = TestClients.ForStub(stub);

        var first = await client.GetTaskAsync(TestClients.OfficialChannel, "task_abc");
        Assert.Equal("queued", first.Status);
        Assert.Equal(VideoTaskStatus.Unknown, first.StatusKind);
        Assert.False(first.IsTerminal);
        Assert.Equal(12, first.AdditionalFields["eta"].GetInt32());
        Assert.Equal(3, first.AdditionalFields["progress"].GetProperty("pct").GetInt32());

        var done = await client.WaitForCompletionAsync(TestClients.OfficialChannel, "task_abc");
        Assert.Equal(VideoTaskStatus.Completed, done.StatusKind);
        Assert.Equal("https://cdn.example/v.mp4", done.Output!.VideoUrls.Single());
        Assert.Equal("https://cdn.example/l.png", done.Output.AdditionalFields["last_frame_url"].GetString());
        Assert.Equal(3, stub.Calls);
    }

    [Theory]
    [InlineData("{\"id\":\"t\",\"status\":\"completed\",\"created_at\":\"yesterday\",\"output\":{\"video_urls\":[1,null,\"https://v\"]},\"error\":\"none\",\"model\":7}")]
    [InlineData("{\"id\":\"t\",\"status\":\"completed\",\"created_at\":-5,\"output\":[],\"error\":[]}")]
    [InlineData("{\"id\":\"t\",\"status\":\"completed\",\"created_at\":1e300,\"output\":null}")]
    public async Task Odd_field_types_never_crash(string json)
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, json));
        using var client = TestClients.ForStub(stub);

        var task = await client.GetTaskAsync(TestClients.OfficialChannel, "t");

        Assert.Equal(VideoTaskStatus.Completed, task.StatusKind);
        Assert.Null(task.CreatedAt);
    }

    [Fact]
    public async Task A_failed_task_error_code_may_be_a_string()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"id\":\"t\",\"status\":\"failed\",\"error\":{\"code\":\"50002\",\"message\":\"moderation\"}}"));
        using var client = TestClients.ForStub(stub);

        var ex = await Assert.ThrowsAsync<TaskFailedException>(() => client.WaitForCompletionAsync(TestClients.OfficialChannel, "t"));

        Assert.Equal(50002, ex.Code);
        Assert.Equal("moderation", ex.ErrorMessage);
    }
}
