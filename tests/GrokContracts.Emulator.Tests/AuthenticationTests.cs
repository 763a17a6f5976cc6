using System.Net;
using System.Threading.Tasks;

namespace GrokContracts.Emulator.Tests;

public sealed class AuthenticationTests
{
    private const string Body = "{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"p\",\"image_urls\":[\"https://example.com/a.png\"]}";

    [Theory]
    [InlineData(null, 10001)]
    [InlineData("", 10001)]
    [InlineData("Basic dXNlcjpwYXNz", 10002)]
    [InlineData("Bearer ", 10002)]
    [InlineData("Bearer two tokens", 10002)]
    [InlineData("Bearertoken", 10002)]
    public async Task Missing_or_malformed_bearer_tokens_are_401_on_both_endpoints(string? authorization, int code)
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var http = new EmulatorHttp(emulator);

        EmulatorHttp.AssertError(HttpStatusCode.Unauthorized, code, await http.PostAsync(Body, authorization));
        EmulatorHttp.AssertError(HttpStatusCode.Unauthorized, code, await http.GetTaskAsync("task_1", authorization));
        Assert.Empty(emulator.Tasks);
    }

    [Fact]
    public async Task Any_non_empty_token_is_accepted_unless_a_key_is_pinned()
    {
        await using var open = await ReapiEmulator.StartAsync();
        using var openHttp = new EmulatorHttp(open);
        Assert.Equal(HttpStatusCode.OK, (await openHttp.PostAsync(Body, "Bearer anything")).Status);

        await using var pinned = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { ApiKey = "the-key" });
        using var pinnedHttp = new EmulatorHttp(pinned);
        var denied = await pinnedHttp.PostAsync(Body, "Bearer anything");
        EmulatorHttp.AssertError(HttpStatusCode.Unauthorized, 10003, denied);
        Assert.DoesNotContain("anything", denied.Body.GetRawText());
        Assert.Equal(HttpStatusCode.OK, (await pinnedHttp.PostAsync(Body, "Bearer the-key")).Status);
        Assert.Single(pinned.Tasks);
    }
}
