using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace GrokContracts.Tests.TestSupport;

/// <summary>A primary handler that answers from a script and records what it was sent (no network at all).</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, HttpResponseMessage> _respond;
    private int _calls;

    public StubHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond)
    {
        _respond = respond;
    }

    public ConcurrentQueue<(HttpMethod Method, Uri Uri, string? Authorization)> Requests { get; } = new();

    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyList<(HttpMethod Method, Uri Uri, string? Authorization)> Seen => Requests.ToArray();

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static string Envelope(string status, string id = "task_abc", string extra = "") =>
        "{\"id\":\"" + id + "\",\"model\":\"grok-imagine-video-1.5-official\",\"status\":\"" + status + "\",\"created_at\":1735000000,"
        + (status == "completed" ? "\"output\":{\"video_urls\":[\"https://cdn.example/v.mp4\"],\"last_frame_url\":\"https://cdn.example/l.png\"}," : "\"output\":null,")
        + "\"error\":null" + extra + "}";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requests.Enqueue((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString()));
        var n = Interlocked.Increment(ref _calls);
        var response = _respond(request, n);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
