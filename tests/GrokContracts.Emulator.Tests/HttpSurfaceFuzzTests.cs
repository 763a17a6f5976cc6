using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace GrokContracts.Emulator.Tests;

/// <summary>
/// Issue 14: no input makes the emulator answer 5xx or drop the connection unless a fault was injected. Real Kestrel on
/// 127.0.0.1 (port 0). Hand-picked hostile requests (invalid UTF-8, lone surrogate escapes, 50 MB, 100,000 nested
/// brackets, duplicate keys, a numeric model, path traversal, odd task ids), then a bounded random sweep of bodies,
/// headers, methods and paths from a fixed seed (printed; <c>GROK_FUZZ_SEED</c> replays another). Every error is a
/// 4xx with the API's envelope and a <c>request_id</c>, and the emulator keeps serving afterwards.
/// </summary>
public sealed class HttpSurfaceFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int RandomRequests = 600;
    private ReapiEmulator _emulator = null!;
    private HttpClient _http = null!;

    private string OfficialModel => _emulator.Models.Single(m => m.EndsWith("-official", StringComparison.Ordinal));

    private string ValidBody => "{\"model\":\"" + OfficialModel + "\",\"prompt\":\"A cat walks in the rain\",\"image_urls\":[\"https://example.com/cat.png\"],\"duration\":8}";

    /// <summary>The shipped official channel's submit path, as the emulator serves it (<c>/api/v1/videos/generations</c>).</summary>
    private string Submit => _emulator.SubmitUri(OfficialModel).AbsolutePath;

    /// <summary>Its poll path with <paramref name="rawId"/> put in as it is (already escaped, or deliberately not).</summary>
    private string Poll(string rawId) => _emulator.PollUri(OfficialModel, "ID").AbsolutePath.Replace("ID", rawId, StringComparison.Ordinal);

    public async Task InitializeAsync()
    {
        _emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions());
        _http = new HttpClient { BaseAddress = _emulator.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    // ---- hand-picked hostile requests ----

    public static TheoryData<string, byte[], int> HostileBodies()
    {
        static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        const string Start = "{\"model\":\"grok-imagine-video-1.5-official\",";
        const string Image = "\"image_urls\":[\"https://example.com/cat.png\"]";
        return new TheoryData<string, byte[], int>
        {
            { "invalid UTF-8 in a string", [.. Utf8(Start + "\"prompt\":\""), 0xff, 0xfe, .. Utf8("\"," + Image + "}")], 20001 },
            { "overlong UTF-8 encoding", [.. Utf8(Start + "\"prompt\":\""), 0xc0, 0xaf, .. Utf8("\"," + Image + "}")], 20001 },
            { "UTF-8 encoded surrogate", [.. Utf8(Start + "\"prompt\":\""), 0xed, 0xa0, 0x80, .. Utf8("\"," + Image + "}")], 20001 },
            { "invalid UTF-8 in a property name", [.. Utf8(Start + "\""), 0x80, .. Utf8("\":1,\"prompt\":\"p\"," + Image + "}")], 20001 },
            { "lone high surrogate escape", Utf8(Start + "\"prompt\":\"\\ud800\"," + Image + "}"), 20001 },
            { "lone low surrogate escape", Utf8(Start + "\"prompt\":\"x\\udc00\"," + Image + "}"), 20001 },
            { "lone surrogate escape in a name", Utf8(Start + "\"\\ud800\":1,\"prompt\":\"p\"," + Image + "}"), 20001 },
            { "lone surrogate escape in an array item", Utf8(Start + "\"prompt\":\"p\",\"image_urls\":[\"\\udbff\"]}"), 20001 },
            { "100,000 nested brackets", Utf8(new string('[', 100_000) + new string(']', 100_000)), 20001 },
            { "100,000 nested objects", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 100_000))), 20001 },
            { "65 levels inside the body", Utf8(Start + "\"prompt\":\"p\"," + Image + ",\"x\":" + new string('[', 64) + new string(']', 64) + "}"), 20001 },
            { "numeric model", Utf8("{\"model\":42,\"prompt\":\"p\"," + Image + "}"), 20003 },
            { "model 1e400", Utf8("{\"model\":1e400,\"prompt\":\"p\"," + Image + "}"), 20003 },
            { "array model", Utf8("{\"model\":[\"grok-imagine-video-1.5-official\"],\"prompt\":\"p\"," + Image + "}"), 20003 },
            { "null model", Utf8("{\"model\":null,\"prompt\":\"p\"," + Image + "}"), 20002 },
            { "duplicate model, the last one unknown", Utf8(Start + "\"model\":\"x\",\"prompt\":\"p\"," + Image + "}"), 20003 },
            { "duplicate prompt, the last one empty", Utf8(Start + "\"prompt\":\"p\",\"prompt\":\"\"," + Image + "}"), 20002 },
            { "byte order mark", [0xef, 0xbb, 0xbf, .. Utf8(Start + "\"prompt\":\"p\"," + Image + "}")], 20001 },
            { "UTF-16 body", Encoding.Unicode.GetBytes(Start + "\"prompt\":\"p\"," + Image + "}"), 20001 },
            { "NUL byte", Utf8(Start + "\"prompt\":\"p\u0000\"," + Image + "}"), 20001 },
            { "empty body", [], 20001 },
            { "whitespace body", Utf8(" \r\n\t"), 20001 },
            { "number 1e400 as duration", Utf8(Start + "\"prompt\":\"p\"," + Image + ",\"duration\":1e400}"), 20003 },
            { "huge integer duration", Utf8(Start + "\"prompt\":\"p\"," + Image + ",\"duration\":" + new string('9', 5000) + "}"), 20003 },
            { "truncated escape", Utf8(Start + "\"prompt\":\"\\u12"), 20001 },
        };
    }

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Hostile_bodies_get_a_400_with_the_error_envelope(string name, byte[] body, int code)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var answer = await SendAsync(HttpMethod.Post, Submit, content, "Bearer k");
        Assert.True(answer.Status == 400, name + ": " + answer);
        Assert.Equal(code, answer.Code);
        Assert.Empty(_emulator.Tasks);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_duplicate_key_counts_its_last_value()
    {
        var body = "{\"model\":\"" + OfficialModel + "\",\"prompt\":\"\",\"prompt\":\"p\",\"image_urls\":[\"https://example.com/cat.png\"]}";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var answer = await SendAsync(HttpMethod.Post, Submit, content, "Bearer k");
        Assert.Equal(200, answer.Status);
    }

    [Fact]
    public async Task A_50_MB_body_gets_a_400_and_the_emulator_keeps_serving()
    {
        var big = new byte[50 * 1024 * 1024];
        Array.Fill(big, (byte)' ');
        using (var content = new ByteArrayContent(big))
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            var answer = await SendAsync(HttpMethod.Post, Submit, content, "Bearer k");
            Assert.Equal((400, 20001), (answer.Status, answer.Code));
        }

        // The same without a Content-Length: chunked, so the limit trips while reading.
        using (var chunked = new StreamContent(new UnknownLengthStream(big)))
        {
            var answer = await SendAsync(HttpMethod.Post, Submit, chunked, "Bearer k");
            Assert.Equal((400, 20001), (answer.Status, answer.Code));
        }

        await AssertStillServingAsync();
    }

    [Theory]
    [InlineData("/media/tasks/../../../../etc/passwd")]
    [InlineData("/media/tasks/..%2F..%2F..%2Fetc%2Fpasswd/0.mp4")]
    [InlineData("/media/tasks/%2e%2e/%2e%2e/0.mp4")]
    [InlineData("/media/tasks/task_1/../../../etc/passwd/0.mp4")]
    [InlineData("/media/tasks/..\\..\\etc\\passwd/0.mp4")]
    [InlineData("/media/tasks/%FF%FE/0.mp4")]
    [InlineData("/api/v1/tasks/..%2f..%2fmedia")]
    [InlineData("/api/v1/tasks/%FF")]
    [InlineData("/api/v1/tasks/%E2%82%AC")]
    [InlineData("/api/v1/tasks/task_%20")]
    [InlineData("/api/v1/tasks/a;b")]
    [InlineData("/api/v1/tasks/%252e%252e")]
    [InlineData("/api/v1/tasks/")]
    [InlineData("/api/v1/tasks/x?id=../../etc/passwd")]
    [InlineData("/api/v1/tasks/x/y")]
    [InlineData("//api//v1//tasks//x")]
    [InlineData("/API/V1/TASKS/x")]
    public async Task Odd_paths_and_task_ids_over_a_raw_socket_get_a_404_envelope(string target)
    {
        var answer = await RawAsync("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer k\r\nConnection: close\r\n\r\n");
        Assert.True(answer.Status == 404, target + ": " + answer);
        AssertEnvelope(answer, target);
        Assert.Equal(40400, answer.Code);
    }

    /// <summary>
    /// Malformed HTTP never reaches the emulator: Kestrel answers a bare 400 itself (no envelope is possible there), and
    /// still never a 5xx or a silent drop.
    /// </summary>
    [Theory]
    [InlineData("GET /api/v1/tasks/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")]
    [InlineData("GET /media/tasks/%00/0.mp4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")]
    [InlineData("GET /api/v1/tasks/x HTTP/1.1\r\nConnection: close\r\n\r\n")]
    [InlineData("POST /api/v1/videos/generations HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\nConnection: close\r\n\r\n{}{}{}")]
    [InlineData("POST /api/v1/videos/generations HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\nConnection: close\r\n\r\n")]
    [InlineData("POST /api/v1/videos/generations HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n")]
    [InlineData("GET /api/v1/tasks/x HTTP/1.1\r\nHost: x\r\nBad Header: y\r\nConnection: close\r\n\r\n")]
    [InlineData("GET api/v1/tasks/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")]
    public async Task Malformed_http_gets_a_bare_400_from_kestrel(string requestText)
    {
        var answer = await RawAsync(requestText);
        Assert.True(answer.Status == 400, answer.ToString());
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_very_long_task_id_gets_a_404_envelope()
    {
        var answer = await SendAsync(HttpMethod.Get, Poll(new string('a', 4000)), null, "Bearer k");
        Assert.Equal((404, 40400), (answer.Status, answer.Code));
    }

    // ---- the random sweep ----

    [Fact]
    public async Task Random_requests_never_get_a_5xx_or_a_dropped_connection()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("GROK_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 14_2026;
        output.WriteLine($"seed {seed} (replay with GROK_FUZZ_SEED={seed})");
        var random = new Random(seed);
        var statuses = new SortedDictionary<int, int>();
        for (var i = 0; i < RandomRequests; i++)
        {
            var request = NextRequest(random);
            using var content = request.Body is null ? null : new ByteArrayContent(request.Body);
            if (content is not null && request.ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }

            Answer answer;
            try
            {
                answer = await SendAsync(request.Method, request.Path, content, request.Authorization, request.Headers);
            }
            catch (HttpRequestException e)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed}, request {i}: connection failed ({e.Message}) for {request}");
            }

            statuses[answer.Status] = statuses.GetValueOrDefault(answer.Status) + 1;
            Assert.True(answer.Status < 500, $"seed {seed}, request {i}: {answer} for {request}");
            if (answer.Status >= 400 && request.Method != HttpMethod.Head)
            {
                AssertEnvelope(answer, $"seed {seed}, request {i}: {request}");
            }
        }

        output.WriteLine(RandomRequests + " random requests, statuses: " + string.Join(", ", statuses.Select(p => p.Key + " x" + p.Value)));
        Assert.True(statuses.Keys.Count(k => k >= 400) >= 3, "the sweep should reach several error statuses");
        await AssertStillServingAsync();
    }

    private sealed record FuzzRequest(HttpMethod Method, string Path, byte[]? Body, string? ContentType, string? Authorization, (string Name, string Value)[] Headers)
    {
        public override string ToString()
        {
            var body = Body is null ? "no body" : Body.Length > 300 ? Body.Length + " bytes" : Convert.ToHexString(Body);
            return $"{Method} {Path} auth={Authorization ?? "-"} type={ContentType ?? "-"} headers=[{string.Join("; ", Headers.Select(h => h.Name + ": " + h.Value))}] body={body}";
        }
    }

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\udc00", "\\u12", "\\x", "null", "true", "fals", "-", "1e", "1e400", "-0",
        "0.5", "8", "\"8\"", "\"\"", "\"model\"", "\"prompt\"", "\"image_urls\"", "\"duration\"", "\"resolution\"", "\"audio\"", "\u00e9", "\ud83d\ude00",
        "\t", "\n", " ", "\u2028", "//", "/*", "NaN", "Infinity", "'", "0x1",
    ];

    private FuzzRequest NextRequest(Random random)
    {
        var valid = Encoding.UTF8.GetBytes(ValidBody);
        byte[] body;
        switch (random.Next(8))
        {
            case 0: // truncated
                body = valid[..random.Next(valid.Length)];
                break;
            case 1: // random bytes replaced, invalid UTF-8 included
                body = (byte[])valid.Clone();
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    body[random.Next(body.Length)] = (byte)random.Next(256);
                }

                break;
            case 2: // JSON-ish tokens inserted
                var text = ValidBody;
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    var at = random.Next(text.Length + 1);
                    text = text[..at] + Tokens[random.Next(Tokens.Length)] + text[at..];
                }

                body = Encoding.UTF8.GetBytes(text);
                break;
            case 3: // a value swapped for a token
                body = Encoding.UTF8.GetBytes(ValidBody.Replace("\"A cat walks in the rain\"", Tokens[random.Next(Tokens.Length)], StringComparison.Ordinal)
                    .Replace("8}", Tokens[random.Next(Tokens.Length)] + "}", StringComparison.Ordinal));
                break;
            case 4: // random bytes
                body = new byte[random.Next(0, 200)];
                random.NextBytes(body);
                break;
            case 5: // random tokens
                body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => Tokens[random.Next(Tokens.Length)])));
                break;
            case 6: // deep nesting, sometimes inside a valid body
                var depth = random.Next(1, 3000);
                var deep = new string('[', depth) + (random.Next(2) == 0 ? new string(']', depth) : string.Empty);
                body = Encoding.UTF8.GetBytes(random.Next(2) == 0 ? deep : ValidBody.Replace("8}", "8,\"x\":" + deep + "}", StringComparison.Ordinal));
                break;
            default: // valid
                body = valid;
                break;
        }

        string[] paths =
        [
            Submit, Submit, Submit, Submit, Poll("task_0"), Poll(Uri.EscapeDataString("../" + random.Next())), Poll("%FF%FE"), Poll(new string('x', random.Next(1, 2000))),
            "/media/tasks/" + random.Next() + "/0.mp4", "/media/tasks/%2e%2e%2f/0.mp4", "/", "/api", "/api/v1/videos", Submit + "/", Submit + "?x=%FF", "/%FF", "/nope", "/nope.txt", "/media/tasks/x/../../0.mp4",
        ];
        HttpMethod[] methods = [HttpMethod.Post, HttpMethod.Post, HttpMethod.Post, HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options, HttpMethod.Head];
        string?[] authorizations = ["Bearer k", "Bearer k", "Bearer k", null, "", "Bearer", "Bearer ", "bearer k", "Basic a2V5", "Bearer a b", "Bearer " + new string('k', 3000), "Bearer\tk", "Token k"];
        string?[] contentTypes = ["application/json", "application/json; charset=utf-8", null, "text/plain", "application/json; charset=latin1", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", ";;;", "application/json; charset=utf-16"];
        (string, string)[] extras =
        [
            ("Content-Encoding", "gzip"), ("Accept", "text/html"), ("Accept-Charset", "utf-16"), ("X-Forwarded-For", "127.0.0.1, ::1"), ("Range", "bytes=0-1"),
            ("If-None-Match", "*"), ("Expect", "100-continue"), ("X-Request-Id", "\"quoted\""), ("Cookie", "a=b; c"), ("X-Empty", ""),
        ];

        // Most requests are submits with a key, so that the bodies reach the JSON reader and the rules.
        var submit = random.Next(10) < 7;
        var method = submit && random.Next(10) < 9 ? HttpMethod.Post : methods[random.Next(methods.Length)];
        var path = submit ? Submit : paths[random.Next(paths.Length)];
        var authorization = submit && random.Next(10) < 9 ? "Bearer k" : authorizations[random.Next(authorizations.Length)];
        var withBody = method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Options || random.Next(4) == 0;
        var headers = Enumerable.Range(0, random.Next(3)).Select(_ => extras[random.Next(extras.Length)]).Distinct().ToArray();
        return new FuzzRequest(method, path, withBody ? body : null, contentTypes[random.Next(contentTypes.Length)], authorization, headers);
    }

    // ---- helpers ----

    private sealed record Answer(int Status, string Text, int? Code, string? Message, string? RequestId)
    {
        public override string ToString() => $"HTTP {Status} {(Text.Length > 300 ? Text[..300] + "…" : Text)}";
    }

    private async Task<Answer> SendAsync(HttpMethod method, string path, HttpContent? content, string? authorization, (string Name, string Value)[]? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative)) { Content = content };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request);
        return Parse((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<Answer> RawAsync(string requestText)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _emulator.BaseUrl.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(requestText));
        using var reader = new MemoryStream();
        await stream.CopyToAsync(reader); // Connection: close, so the server ends the stream after its answer
        var text = Encoding.UTF8.GetString(reader.ToArray());
        Assert.True(text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal), "no HTTP answer: " + text);
        var status = int.Parse(text.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture);
        var bodyStart = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return Parse(status, bodyStart < 0 ? string.Empty : text[(bodyStart + 4)..]);
    }

    private static Answer Parse(int status, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                int? code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null;
                string? message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                string? requestId = error.TryGetProperty("request_id", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                return new Answer(status, text, code, message, requestId);
            }
        }
        catch (JsonException)
        {
        }

        return new Answer(status, text, null, null, null);
    }

    private static void AssertEnvelope(Answer answer, string context)
    {
        Assert.True(answer.Status is >= 400 and < 500, context + ": " + answer);
        Assert.True(answer.Code is >= 10000 and <= 99999, context + ": no five-digit error.code in " + answer);
        Assert.True(!string.IsNullOrEmpty(answer.Message), context + ": no error.message in " + answer);
        Assert.True(answer.RequestId?.StartsWith("req_", StringComparison.Ordinal) == true, context + ": no error.request_id in " + answer);
    }

    private async Task AssertStillServingAsync()
    {
        using var content = new StringContent(ValidBody, Encoding.UTF8, "application/json");
        var submitted = await SendAsync(HttpMethod.Post, Submit, content, "Bearer k");
        Assert.True(submitted.Status == 200, "valid submit after the fuzzing: " + submitted);
        var id = JsonDocument.Parse(submitted.Text).RootElement.GetProperty("id").GetString()!;
        var polled = await SendAsync(HttpMethod.Get, Poll(id), null, "Bearer k");
        Assert.True(polled.Status == 200, "poll after the fuzzing: " + polled);
    }

    /// <summary>A stream whose length HttpClient cannot know, so the body goes chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public override bool CanSeek => false;
    }
}
