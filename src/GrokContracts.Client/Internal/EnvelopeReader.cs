using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace GrokContracts.Internal;

/// <summary>
/// Reads the API's JSON with <see cref="JsonDocument"/> (no reflection serialization: trim/AOT-safe). Depth is
/// limited to 64; unknown fields and statuses are kept, never fatal.
/// </summary>
internal static class EnvelopeReader
{
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    /// <summary>Parses JSON; null when it is not JSON (or too deep).</summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            return JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A task envelope needs an object with a non-empty string <c>id</c> and a string <c>status</c>.</summary>
    public static VideoTask? TryReadTask(JsonElement root, ChannelDescriptor channel)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty(TaskEnvelope.Id, out var id) || id.ValueKind != JsonValueKind.String
            || !root.TryGetProperty(TaskEnvelope.Status, out var status) || status.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var idText = id.GetString();
        if (string.IsNullOrEmpty(idText))
        {
            return null;
        }

        string? model = null;
        DateTimeOffset? createdAt = null;
        VideoTaskOutput? output = null;
        VideoTaskError? error = null;
        Dictionary<string, JsonElement>? extra = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case TaskEnvelope.Id:
                case TaskEnvelope.Status:
                    break;
                case "model":
                    model = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    break;
                case "created_at":
                    createdAt = ReadUnixTime(property.Value);
                    break;
                case "output":
                    output = ReadOutput(property.Value);
                    break;
                case "error":
                    error = ReadTaskError(property.Value);
                    break;
                default:
                    (extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[property.Name] = property.Value.Clone();
                    break;
            }
        }

        return new VideoTask(channel, idText!, model, status.GetString() ?? string.Empty, createdAt, output, error, extra);
    }

    /// <summary>Reads <c>{ "error": { code, message, request_id } }</c>; false when the body is not that shape.</summary>
    public static bool TryReadError(JsonElement root, out int? code, out string? message, out string? requestId)
    {
        code = null;
        message = null;
        requestId = null;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (error.TryGetProperty("code", out var c))
        {
            code = ReadCode(c);
        }

        if (error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
        {
            message = m.GetString();
        }

        if (error.TryGetProperty("request_id", out var r) && r.ValueKind == JsonValueKind.String)
        {
            requestId = r.GetString();
        }
        else if (root.TryGetProperty("request_id", out r) && r.ValueKind == JsonValueKind.String)
        {
            requestId = r.GetString();
        }

        return code is not null || message is not null;
    }

    private static VideoTaskOutput? ReadOutput(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var urls = new List<string>();
        var extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name == "video_urls" && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } url)
                    {
                        urls.Add(url);
                    }
                }
            }
            else
            {
                extra[property.Name] = property.Value.Clone();
            }
        }

        return new VideoTaskOutput(urls, extra);
    }

    private static VideoTaskError? ReadTaskError(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var code = value.TryGetProperty("code", out var c) ? ReadCode(c) ?? 0 : 0;
        var message = value.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? string.Empty : string.Empty;
        return new VideoTaskError(code, message);
    }

    private static int? ReadCode(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String
            && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        return null;
    }

    private static DateTimeOffset? ReadUnixTime(JsonElement value)
    {
        // Valid unix seconds for DateTimeOffset: up to year 9999.
        const long max = 253402300799L;
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var seconds) && seconds >= 0 && seconds <= max)
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }

            if (value.TryGetDouble(out var fractional) && fractional >= 0 && fractional <= max)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds((long)(fractional * 1000));
            }
        }

        return null;
    }
}
