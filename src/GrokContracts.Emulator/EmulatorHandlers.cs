using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Spec;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GrokContracts.Emulator;

/// <summary>The emulator's endpoints. Every error is <c>{"error":{"code","message","request_id"}}</c>.</summary>
internal sealed class EmulatorHandlers
{
    public const string MediaPath = "/media/tasks/{id}/0.mp4";
    private const int MaxBodyBytes = 1024 * 1024;
    private const long MaxDrainBytes = 64L * 1024 * 1024;
    private const int FailedTaskCode = 50001;
    private static readonly JsonDocumentOptions BodyOptions = new() { MaxDepth = 64 };

    private readonly ReapiEmulatorOptions options;
    private readonly byte[]? pinnedKey;
    private int submitRequests;
    private int pollRequests;

    public EmulatorHandlers(ReapiEmulatorOptions options, EmulatorContracts contracts)
    {
        this.options = options;
        Contracts = contracts;
        pinnedKey = options.ApiKey is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;
    }

    public EmulatorContracts Contracts { get; }

    public EmulatorFaults Faults { get; } = new();

    public ConcurrentDictionary<string, EmulatedTask> Tasks { get; } = new(StringComparer.Ordinal);

    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/");

    public int SubmitRequests => Volatile.Read(ref submitRequests);

    public int PollRequests => Volatile.Read(ref pollRequests);

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    public async Task SubmitAsync(HttpContext context)
    {
        Interlocked.Increment(ref submitRequests);
        var requestId = NewRequestId();
        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (!Authorized(context, requestId, out var denial))
        {
            await denial.ConfigureAwait(false);
            return;
        }

        if (Faults.NextSubmit() is { } fault)
        {
            await WriteFaultAsync(context, fault, requestId).ConfigureAwait(false);
            return;
        }

        if (body is null)
        {
            await WriteErrorAsync(context, 400, 20001, "request body too large (limit 1 MiB)", requestId).ConfigureAwait(false);
            return;
        }

        // Strict UTF-8 and JSON first: JsonDocument accepts invalid UTF-8 and "\ud800" in strings, then throws when read.
        if (!PayloadJson.TryParseUtf8(body, out _, out _))
        {
            await WriteErrorAsync(context, 400, 20001, "malformed JSON body", requestId).ConfigureAwait(false);
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, BodyOptions);
        }
        catch (JsonException)
        {
            await WriteErrorAsync(context, 400, 20001, "malformed JSON body", requestId).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                await WriteErrorAsync(context, 400, 20001, "request body must be a JSON object", requestId).ConfigureAwait(false);
                return;
            }

            if (!root.TryGetProperty("model", out var modelElement) || modelElement.ValueKind == JsonValueKind.Null)
            {
                await WriteErrorAsync(context, 400, 20002, "model is required", requestId).ConfigureAwait(false);
                return;
            }

            var model = modelElement.ValueKind == JsonValueKind.String ? modelElement.GetString()! : null;
            if (model is null || !Contracts.IsKnown(model))
            {
                await WriteErrorAsync(context, 400, 20003, "invalid model", requestId).ConfigureAwait(false);
                return;
            }

            if (Contracts.FirstRejection(model, root) is { } violation)
            {
                await WriteErrorAsync(context, 400, violation.Code!.Value, violation.Message, requestId).ConfigureAwait(false);
                return;
            }

            var prompt = root.TryGetProperty("prompt", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() ?? string.Empty : string.Empty;
            var willFail = options.FailAllTasks
                || (!string.IsNullOrEmpty(options.FailureToken) && prompt.Contains(options.FailureToken, StringComparison.Ordinal));
            var now = Now;
            var task = new EmulatedTask("task_" + Guid.NewGuid().ToString("N"), model, now, now + options.CompletionDelay, willFail, Encoding.UTF8.GetString(body));
            Tasks[task.Id] = task;
            await WriteJsonAsync(context, 200, writer => WriteEnvelope(writer, task, now), null).ConfigureAwait(false);
        }
    }

    public async Task PollAsync(HttpContext context)
    {
        Interlocked.Increment(ref pollRequests);
        var requestId = NewRequestId();
        if (!Authorized(context, requestId, out var denial))
        {
            await denial.ConfigureAwait(false);
            return;
        }

        if (Faults.NextPoll() is { } fault)
        {
            await WriteFaultAsync(context, fault, requestId).ConfigureAwait(false);
            return;
        }

        var id = context.Request.RouteValues["id"] as string;
        if (id is null || !Tasks.TryGetValue(id, out var task))
        {
            await WriteErrorAsync(context, 404, 40400, "task not found", requestId).ConfigureAwait(false);
            return;
        }

        var now = Now;
        await WriteJsonAsync(context, 200, writer => WriteEnvelope(writer, task, now), null).ConfigureAwait(false);
    }

    /// <summary>The MP4 of a completed task. Like a CDN URL it needs no key.</summary>
    public async Task MediaAsync(HttpContext context)
    {
        var id = context.Request.RouteValues["id"] as string;
        if (id is null || !Tasks.TryGetValue(id, out var task) || task.StatusAt(Now) != "completed")
        {
            await WriteErrorAsync(context, 404, 40400, "video not found", NewRequestId()).ConfigureAwait(false);
            return;
        }

        await Results.Bytes(Mp4Video.Bytes, "video/mp4", enableRangeProcessing: true).ExecuteAsync(context).ConfigureAwait(false);
    }

    public static Task NotFoundAsync(HttpContext context) => WriteErrorAsync(context, 404, 40400, "not found", NewRequestId());

    private bool Authorized(HttpContext context, string requestId, out Task denial)
    {
        denial = Task.CompletedTask;
        var header = context.Request.Headers.Authorization.ToString();
        int code;
        string message;
        if (string.IsNullOrEmpty(header))
        {
            (code, message) = (10001, "missing API key: send Authorization: Bearer <key>");
        }
        else if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.AsSpan(7).Trim().IsEmpty || header.AsSpan(7).Trim().Contains(' '))
        {
            (code, message) = (10002, "malformed Authorization header: expected Bearer <key>");
        }
        else if (pinnedKey is not null && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header.AsSpan(7).Trim().ToString()), pinnedKey))
        {
            (code, message) = (10003, "invalid API key");
        }
        else
        {
            return true;
        }

        denial = WriteErrorAsync(context, 401, code, message, requestId);
        return false;
    }

    private void WriteEnvelope(Utf8JsonWriter writer, EmulatedTask task, DateTimeOffset now)
    {
        var status = task.StatusAt(now);
        writer.WriteStartObject();
        writer.WriteString("id", task.Id);
        writer.WriteString("model", task.Model);
        writer.WriteString("status", status);
        writer.WriteNumber("created_at", task.CreatedAt.ToUnixTimeSeconds());
        if (status == "completed")
        {
            writer.WriteStartObject("output");
            writer.WriteStartArray("video_urls");
            writer.WriteStringValue(new Uri(BaseUrl, "media/tasks/" + task.Id + "/0.mp4").AbsoluteUri);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("output");
        }

        if (status == "failed")
        {
            writer.WriteStartObject("error");
            writer.WriteNumber("code", FailedTaskCode);
            writer.WriteString("message", "video generation failed (emulated)");
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("error");
        }

        writer.WriteEndObject();
    }

    private static async Task WriteFaultAsync(HttpContext context, EmulatorFault fault, string requestId)
    {
        if (fault.DropConnection)
        {
            context.Abort();
            return;
        }

        if (fault.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = fault.RetryAfter;
        }

        if (fault.RawBody is not null)
        {
            context.Response.StatusCode = fault.StatusCode;
            context.Response.ContentType = fault.ContentType;
            await context.Response.WriteAsync(fault.RawBody, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var message = fault.StatusCode == 429 ? "rate limited (emulated)" : "injected HTTP " + fault.StatusCode.ToString(CultureInfo.InvariantCulture) + " (emulated)";
        await WriteErrorAsync(context, fault.StatusCode, fault.StatusCode * 100, message, requestId).ConfigureAwait(false);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, int code, string message, string requestId) =>
        WriteJsonAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteString("request_id", requestId);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, requestId);

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write, string? requestId)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = buffer.WrittenCount;
        if (requestId is not null)
        {
            context.Response.Headers["x-request-id"] = requestId;
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The body, or null when it is over the limit.</summary>
    /// <remarks>
    /// A body over the limit is still read to its end (up to <see cref="MaxDrainBytes"/>): an HTTP/1.1 client that is still
    /// uploading cannot read an answer sent before, and would see a broken connection instead of the 400.
    /// </remarks>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxDrainBytes)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxDrainBytes;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total <= MaxBodyBytes)
            {
                buffer.Write(chunk, 0, read);
            }
        }

        return total > MaxBodyBytes ? null : buffer.ToArray();
    }

    private static string NewRequestId() => "req_" + Guid.NewGuid().ToString("N");
}
