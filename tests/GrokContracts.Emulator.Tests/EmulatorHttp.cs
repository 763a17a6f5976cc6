using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace GrokContracts.Emulator.Tests;

/// <summary>Raw HTTP against a running emulator: the tests speak the wire format, not the client library.</summary>
internal sealed class EmulatorHttp : IDisposable
{
    public const string Key = "test-key";
    private readonly HttpClient _http;

    public EmulatorHttp(ReapiEmulator emulator)
    {
        _http = new HttpClient { BaseAddress = emulator.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A submit to the shipped channels' endpoint (reAPI's).</summary>
    public Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(string body, string? authorization = "Bearer " + Key) =>
        SendAsync(HttpMethod.Post, "api/v1/videos/generations", body, authorization);

    /// <summary>A poll at the shipped channels' endpoint (reAPI's).</summary>
    public Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetTaskAsync(string id, string? authorization = "Bearer " + Key) =>
        SendAsync(HttpMethod.Get, "api/v1/tasks/" + Uri.EscapeDataString(id), null, authorization);

    /// <summary>Any request, to a URL relative to the emulator's base URL (or absolute).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string url, string? body, string? authorization = "Bearer " + Key)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.RelativeOrAbsolute));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode, JsonElement, HttpResponseMessage)> SendAsync(HttpRequestMessage request)
    {
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json, response);
    }

    public static void AssertError(HttpStatusCode expectedStatus, int expectedCode, (HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response) answer, string? expectedMessage = null)
    {
        Assert.Equal(expectedStatus, answer.Status);
        var error = answer.Body.GetProperty("error");
        Assert.Equal(expectedCode, error.GetProperty("code").GetInt32());
        Assert.StartsWith("req_", error.GetProperty("request_id").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        if (expectedMessage is not null)
        {
            Assert.Equal(expectedMessage, error.GetProperty("message").GetString());
        }
    }
}
