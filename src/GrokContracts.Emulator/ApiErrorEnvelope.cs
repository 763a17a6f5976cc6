using System;
using System.Text.Json;

namespace GrokContracts.Emulator;

/// <summary>
/// The API's error body, <c>{"error":{"code":…,"message":…,"request_id":…}}</c> (the reference's envelope): the one
/// writer the emulator answers with and the CLI prints (without <c>request_id</c> when no request was made).
/// </summary>
public static class ApiErrorEnvelope
{
    /// <summary>Writes the envelope as one JSON object; the writer's options decide the escaping.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="code">The API's five-digit code.</param>
    /// <param name="message">The message.</param>
    /// <param name="requestId">The request id, or null when no request was made (the property is then left out).</param>
    public static void Write(Utf8JsonWriter writer, int code, string message, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteNumber("code", code);
        writer.WriteString("message", message);
        if (requestId is not null)
        {
            writer.WriteString("request_id", requestId);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
