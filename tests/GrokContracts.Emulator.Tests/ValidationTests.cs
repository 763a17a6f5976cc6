using System.Net;
using System.Threading.Tasks;

namespace GrokContracts.Emulator.Tests;

/// <summary>Every row of the reference's validation table, as raw JSON bodies, answered with the API's codes.</summary>
public sealed class ValidationTests : IAsyncLifetime
{
    private const string Official = "\"model\":\"grok-imagine-video-1.5-official\"";
    private const string Beta = "\"model\":\"grok-imagine-video-1.5-beta\"";
    private const string Image = "\"image_urls\":[\"https://example.com/a.png\"]";
    private ReapiEmulator _emulator = null!;
    private EmulatorHttp _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions());
        _http = new EmulatorHttp(_emulator);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("{" + Official + "," + Image + "}", 20002, "prompt is required")]
    [InlineData("{" + Official + ",\"prompt\":\"\"," + Image + "}", 20002, "prompt is required")]
    [InlineData("{" + Official + ",\"prompt\":\"p\"}", 20002, "image_urls is required")]
    [InlineData("{" + Official + ",\"prompt\":\"p\",\"image_urls\":[\"https://a.example/1.png\",\"https://a.example/2.png\"]}", 20003, "image_urls allows at most 1 entry")]
    [InlineData("{" + Official + ",\"prompt\":\"p\"," + Image + ",\"duration\":2}", 20003, "duration must be 3-15 seconds")]
    [InlineData("{" + Official + ",\"prompt\":\"p\"," + Image + ",\"duration\":16}", 20003, "duration must be 3-15 seconds")]
    [InlineData("{" + Official + ",\"prompt\":\"p\"," + Image + ",\"resolution\":\"1080p\"}", 20003, "invalid resolution")]
    [InlineData("{" + Official + ",\"prompt\":\"p\"," + Image + ",\"aspect_ratio\":\"4:3\"}", 20003, "invalid aspect_ratio")]
    [InlineData("{" + Official + ",\"prompt\":\"p\"," + Image + ",\"aspect_ratio\":\"auto\"}", 20003, "invalid aspect_ratio")]
    [InlineData("{" + Official + ",\"prompt\":\"p\",\"image_urls\":[\"data:image/png;base64,AAAA\"]}", 20003, "image_urls entries must be public http(s) URLs")]
    [InlineData("{" + Official + ",\"prompt\":\"p\",\"image_urls\":[\"ftp://example.com/a.png\"]}", 20003, "image_urls entries must be public http(s) URLs")]
    [InlineData("{" + Official + ",\"prompt\":\"p\"," + Image + ",\"duration\":\"8\"}", 20003, "duration")]
    [InlineData("{" + Beta + "," + Image + ",\"duration\":0}", 20003, "duration must be 1-15 seconds")]
    [InlineData("{" + Beta + ",\"image_urls\":[]}", 20002, "image_urls is required")]
    [InlineData("{\"prompt\":\"p\"," + Image + "}", 20002, "model is required")]
    [InlineData("{\"model\":\"grok-imagine-video-9\",\"prompt\":\"p\"," + Image + "}", 20003, "invalid model (allowed: grok-imagine-video-1.5-beta / grok-imagine-video-1.5-official)")]
    [InlineData("{\"model\":42,\"prompt\":\"p\"," + Image + "}", 20003, "model must be a JSON string")]
    [InlineData("{\"model\":", 20001, "malformed JSON body")]
    [InlineData("not json", 20001, "malformed JSON body")]
    [InlineData("[1,2]", 20001, "request body must be a JSON object")]
    public async Task Rejects_with_the_APIs_code_and_a_request_id(string body, int code, string messageStart)
    {
        var answer = await _http.PostAsync(body);

        EmulatorHttp.AssertError(HttpStatusCode.BadRequest, code, answer);
        Assert.StartsWith(messageStart, answer.Body.GetProperty("error").GetProperty("message").GetString());
        Assert.Empty(_emulator.Tasks);
    }

    [Theory]
    [InlineData("{" + Official + ",\"prompt\":\"p\"," + Image + "}")]
    [InlineData("{" + Official + ",\"prompt\":\"p\"," + Image + ",\"aspect_ratio\":\"9:16\",\"resolution\":\"720p\",\"duration\":15,\"audio\":false}")]
    [InlineData("{" + Beta + "," + Image + "}")]
    [InlineData("{" + Beta + "," + Image + ",\"aspect_ratio\":\"auto\",\"duration\":1,\"nsfw_checker\":true}")]
    public async Task Accepts_valid_bodies(string body)
    {
        var answer = await _http.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("processing", answer.Body.GetProperty("status").GetString());
        Assert.Single(_emulator.Tasks);
    }

    [Fact]
    public async Task Reports_the_first_violation_in_the_APIs_order()
    {
        // prompt missing comes before the duration and resolution problems.
        var answer = await _http.PostAsync("{" + Official + "," + Image + ",\"duration\":99,\"resolution\":\"4k\"}");

        EmulatorHttp.AssertError(HttpStatusCode.BadRequest, 20002, answer, "prompt is required");
    }

    [Fact]
    public async Task Rejects_a_body_over_one_MiB()
    {
        var answer = await _http.PostAsync("{" + Official + ",\"prompt\":\"" + new string('x', 1024 * 1024) + "\"," + Image + "}");

        EmulatorHttp.AssertError(HttpStatusCode.BadRequest, 20001, answer);
    }
}
