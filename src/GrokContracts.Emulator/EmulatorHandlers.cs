using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Spec;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GrokContracts.Emulator;

/// <summary>
/// The emulator's endpoints: each loaded spec's submit and poll (see <see cref="EmulatorRoutes"/>), and the MP4.
/// Every error is <c>{"error":{"code","message","request_id"}}</c>; the emulator's own codes are <see cref="EmulatorDefaults"/>.
/// </summary>
internal sealed class EmulatorHandlers
{
    private const int MaxBodyBytes = 1024 * 1024;
    private const string KindKey = "grok-contracts.kind";
    private const string TaskKey = "grok-contracts.task";
    private const string DroppedKey = "grok-contracts.dropped";
    private const long MaxDrainBytes = 64L * 1024 * 1024;
    private static readonly JsonDocumentOptions BodyOptions = new() { MaxDepth = 64 };

    private readonly ReapiEmulatorOptions _options;
    private readonly EmulatorRoutes _routes;
    private readonly byte[]? _pinnedKey;
    private int _submitRequests;
    private int _pollRequests;

    public EmulatorHandlers(ReapiEmulatorOptions options, EmulatorContracts contracts)
    {
        _options = options;
        Contracts = contracts;
        _routes = new EmulatorRoutes(contracts.Channels);
        _pinnedKey = options.ApiKey is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;
    }

    public EmulatorContracts Contracts { get; }

    public EmulatorFaults Faults { get; } = new();

    public ConcurrentDictionary<string, EmulatedTask> Tasks { get; } = new(StringComparer.Ordinal);

    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/");

    public int SubmitRequests => Volatile.Read(ref _submitRequests);

    public int PollRequests => Volatile.Read(ref _pollRequests);

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    /// <summary>Every request, logged to <see cref="ReapiEmulatorOptions.RequestLog"/> once answered.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await RouteAsync(context).ConfigureAwait(false);
        }
        finally
        {
            if (_options.RequestLog is { } log)
            {
                var request = context.Request;
                var status = context.Items.ContainsKey(DroppedKey) ? 0 : context.Response.StatusCode;
                var kind = context.Items.TryGetValue(KindKey, out var k) ? (string)k! : "other";
                var taskId = context.Items.TryGetValue(TaskKey, out var id) ? (string?)id : null;
                log(new EmulatorRequest(request.Method, (request.Path.Value ?? string.Empty) + request.QueryString.Value, status, taskId, kind));
            }
        }
    }

    /// <summary>Routes a request by the loaded specs' endpoints, not by ASP.NET route templates.</summary>
    private Task RouteAsync(HttpContext context)
    {
        var request = context.Request;
        var route = _routes.Match(request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty);
        switch (route.Kind)
        {
            case RouteKind.Submit:
                context.Items[KindKey] = "submit";
                return SubmitAsync(context, route.Channels);
            case RouteKind.Poll:
                context.Items[KindKey] = "poll";
                context.Items[TaskKey] = route.Id ?? request.Query["id"].ToString();
                return PollAsync(context, route.Channels, route.Id ?? request.Query["id"].ToString());
            case RouteKind.Media:
                context.Items[KindKey] = "media";
                context.Items[TaskKey] = route.Id;
                return MediaAsync(context, route.Id);
            case RouteKind.MethodNotAllowed:
                context.Response.Headers.Allow = string.Join(", ", route.AllowedMethods);
                return WriteErrorAsync(context, 405, EmulatorDefaults.MethodNotAllowedCode, "method not allowed (allowed: " + string.Join(", ", route.AllowedMethods) + ")", NewRequestId());
            default:
                return WriteErrorAsync(context, 404, EmulatorDefaults.NotFoundCode, "not found", NewRequestId());
        }
    }

    /// <summary>A submit to an endpoint that <paramref name="channels"/> share; the body's <c>model</c> picks one of them.</summary>
    private async Task SubmitAsync(HttpContext context, IReadOnlyList<EmulatedChannel> channels)
    {
        Interlocked.Increment(ref _submitRequests);
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
            await WriteErrorAsync(context, 400, EmulatorDefaults.MalformedBodyCode, "request body too large (limit 1 MiB)", requestId).ConfigureAwait(false);
            return;
        }

        // Strict UTF-8 and JSON first: JsonDocument accepts invalid UTF-8 and "\ud800" in strings, then throws when read.
        if (!PayloadJson.TryParseUtf8(body, out _, out _))
        {
            await WriteErrorAsync(context, 400, EmulatorDefaults.MalformedBodyCode, "malformed JSON body", requestId).ConfigureAwait(false);
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, BodyOptions);
        }
        catch (JsonException)
        {
            await WriteErrorAsync(context, 400, EmulatorDefaults.MalformedBodyCode, "malformed JSON body", requestId).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                await WriteErrorAsync(context, 400, EmulatorDefaults.MalformedBodyCode, "request body must be a JSON object", requestId).ConfigureAwait(false);
                return;
            }

            if (ModelChannel(channels, root) is not { } channel)
            {
                var (code, message) = ModelRejection(channels, root);
                await WriteErrorAsync(context, 400, code, message, requestId).ConfigureAwait(false);
                return;
            }

            if (EmulatorContracts.FirstRejection(channel, root) is { } violation)
            {
                await WriteErrorAsync(context, 400, violation.Code!.Value, violation.Message, requestId).ConfigureAwait(false);
                return;
            }

            // Any channel's text parameter may carry the token (reAPI's prompt, acme's text): any top-level string value.
            var willFail = _options.FailAllTasks
                || (!string.IsNullOrEmpty(_options.FailureToken) && root.EnumerateObject().Any(
                    p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Contains(_options.FailureToken, StringComparison.Ordinal)));
            var now = Now;
            var delay = _options.CompletionDelay > TimeSpan.Zero ? _options.CompletionDelay : TimeSpan.Zero;
            var task = new EmulatedTask("task_" + Guid.NewGuid().ToString("N"), channel, now, now + delay, willFail, Encoding.UTF8.GetString(body), EmulatedVideo.For(channel.Contract, root));
            Tasks[task.Id] = task;
            context.Items[TaskKey] = task.Id;
            if (_options.SubmitDelay > TimeSpan.Zero)
            {
                // Not RequestAborted: the task exists whether or not the client is still there to hear about it. A stopping
                // emulator answers at once rather than holding its shutdown.
                var stopping = context.RequestServices.GetService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
                try
                {
                    await Task.Delay(_options.SubmitDelay, _options.TimeProvider, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                }
            }

            await WriteJsonAsync(context, 200, writer => WriteEnvelope(writer, task, now), null).ConfigureAwait(false);
        }
    }

    /// <summary>A poll at an endpoint that <paramref name="channels"/> share: a task of another channel is not found here.</summary>
    private async Task PollAsync(HttpContext context, IReadOnlyList<EmulatedChannel> channels, string? id)
    {
        Interlocked.Increment(ref _pollRequests);
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

        if (string.IsNullOrEmpty(id) || !Tasks.TryGetValue(id, out var task) || !channels.Contains(task.Channel))
        {
            await WriteErrorAsync(context, 404, EmulatorDefaults.NotFoundCode, "task not found", requestId).ConfigureAwait(false);
            return;
        }

        var now = Now;
        await WriteJsonAsync(context, 200, writer => WriteEnvelope(writer, task, now), null).ConfigureAwait(false);
    }

    /// <summary>The MP4 of a completed task. Like a CDN URL it needs no key.</summary>
    private async Task MediaAsync(HttpContext context, string? id)
    {
        if (id is null || !Tasks.TryGetValue(id, out var task) || task.OutcomeAt(Now) != TaskOutcome.Succeeded)
        {
            await WriteErrorAsync(context, 404, EmulatorDefaults.NotFoundCode, "video not found", NewRequestId()).ConfigureAwait(false);
            return;
        }

        await Results.Bytes(Mp4Video.Create(task.Video), "video/mp4", enableRangeProcessing: true).ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>The channel among <paramref name="channels"/> that the body's <c>model</c> names, or null.</summary>
    private static EmulatedChannel? ModelChannel(IReadOnlyList<EmulatedChannel> channels, JsonElement body)
    {
        if (body.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String)
        {
            var id = model.GetString();
            return channels.FirstOrDefault(c => string.Equals(c.ModelId, id, StringComparison.Ordinal));
        }

        return null;
    }

    /// <summary>
    /// Why <c>model</c> picks no channel at this endpoint, in the words of the endpoint's first spec, which sees
    /// <c>model</c> as a required string whose allowed values are the endpoint's model ids: absent or null is
    /// <c>missing</c>, not a string is <c>type</c>, any other model (unknown, or served at other endpoints) is
    /// <c>allowed</c>. A spec without a code for it leaves the emulator's default.
    /// </summary>
    private static (int Code, string Message) ModelRejection(IReadOnlyList<EmulatedChannel> channels, JsonElement body)
    {
        var (kind, fallback) = !body.TryGetProperty("model", out var model) || model.ValueKind == JsonValueKind.Null
            ? (ViolationKind.Missing, EmulatorDefaults.MissingModelCode)
            : model.ValueKind == JsonValueKind.String ? (ViolationKind.NotAllowed, EmulatorDefaults.InvalidModelCode) : (ViolationKind.WrongType, EmulatorDefaults.InvalidModelCode);
        var allowed = EquatableArray.From(channels.Select(c => new AllowedValue(c.ModelId, c.ModelId, null)).ToArray());
        var parameter = new Parameter("model", "Model", ParameterType.String, true, false, null, null, allowed, null, null, null, null, StringFormat.None, null, null, EquatableArray<ErrorRule>.Empty);
        var error = channels[0].Contract.ResolveError(parameter, kind);
        return (error.Code ?? fallback, error.Message);
    }

    private bool Authorized(HttpContext context, string requestId, out Task denial)
    {
        denial = Task.CompletedTask;
        var header = context.Request.Headers.Authorization.ToString();
        int code;
        string message;
        if (string.IsNullOrEmpty(header))
        {
            (code, message) = (EmulatorDefaults.MissingKeyCode, "missing API key: send Authorization: Bearer <key>");
        }
        else if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.AsSpan(7).Trim().IsEmpty || header.AsSpan(7).Trim().Contains(' '))
        {
            (code, message) = (EmulatorDefaults.MalformedKeyCode, "malformed Authorization header: expected Bearer <key>");
        }
        else if (_pinnedKey is not null && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header.AsSpan(7).Trim().ToString()), _pinnedKey))
        {
            (code, message) = (EmulatorDefaults.WrongKeyCode, "invalid API key");
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
        var outcome = task.OutcomeAt(now);
        writer.WriteStartObject();
        writer.WriteString(GrokContracts.Internal.TaskEnvelope.Id, task.Id);
        writer.WriteString("model", task.Model);
        writer.WriteString(GrokContracts.Internal.TaskEnvelope.Status, task.StatusAt(now));
        writer.WriteNumber("created_at", task.CreatedAt.ToUnixTimeSeconds());
        if (outcome == TaskOutcome.Succeeded)
        {
            writer.WriteStartObject("output");
            writer.WriteStartArray("video_urls");
            writer.WriteStringValue(new Uri(BaseUrl, EmulatorRoutes.MediaPath(task.Id)).AbsoluteUri);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("output");
        }

        if (outcome == TaskOutcome.Failed)
        {
            writer.WriteStartObject("error");
            writer.WriteNumber("code", EmulatorDefaults.FailedTaskCode);
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
            context.Items[DroppedKey] = true;
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
        await WriteErrorAsync(context, fault.StatusCode, EmulatorDefaults.FaultCode(fault.StatusCode), message, requestId).ConfigureAwait(false);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, int code, string message, string requestId) =>
        WriteJsonAsync(context, status, writer => ApiErrorEnvelope.Write(writer, code, message, requestId), requestId);

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
