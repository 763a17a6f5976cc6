using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace GrokContracts.Emulator.Tests;

public sealed class FaultInjectionTests
{
    private const string Body = "{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"p\",\"image_urls\":[\"https://example.com/a.png\"]}";

    [Fact]
    public async Task Poll_faults_answer_the_next_polls_then_stop()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var http = new EmulatorHttp(emulator);
        var id = (await http.PostAsync(Body)).Body.GetProperty("id").GetString()!;

        emulator.Faults.FailNextPolls(2, 503);
        EmulatorHttp.AssertError(HttpStatusCode.ServiceUnavailable, 50300, await http.GetTaskAsync(id));
        EmulatorHttp.AssertError(HttpStatusCode.ServiceUnavailable, 50300, await http.GetTaskAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await http.GetTaskAsync(id)).Status);
    }

    [Fact]
    public async Task Rate_limit_faults_carry_Retry_After()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var http = new EmulatorHttp(emulator);

        emulator.Faults.FailNextSubmits(1, 429, "7");
        var answer = await http.PostAsync(Body);

        EmulatorHttp.AssertError(HttpStatusCode.TooManyRequests, 42900, answer);
        Assert.Equal(TimeSpan.FromSeconds(7), answer.Response.Headers.RetryAfter!.Delta);
        Assert.Empty(emulator.Tasks);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(Body)).Status);
    }

    [Fact]
    public async Task Raw_and_dropped_answers()
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var http = new EmulatorHttp(emulator);

        emulator.Faults.EnqueueSubmitFault(EmulatorFault.Raw(502, "<html>bad gateway</html>", "text/html"));
        emulator.Faults.EnqueueSubmitFault(EmulatorFault.Drop());
        using (var raw = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUrl, "api/v1/videos/generations")))
        using (var client = new HttpClient())
        {
            raw.Headers.TryAddWithoutValidation("Authorization", "Bearer k");
            raw.Content = new StringContent(Body);
            using var response = await client.SendAsync(raw);
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Equal("<html>bad gateway</html>", await response.Content.ReadAsStringAsync());
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(Body));
        Assert.Empty(emulator.Tasks);
        Assert.Equal(2, emulator.SubmitRequestCount);
    }
}
