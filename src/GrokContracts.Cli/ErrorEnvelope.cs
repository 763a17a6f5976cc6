using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokContracts.Emulator;

namespace GrokContracts.Cli;

/// <summary>The API's error body as <c>check</c> and <c>submit</c> print it: <see cref="ApiErrorEnvelope"/>, readable escaping.</summary>
internal static class ErrorEnvelope
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The envelope as one line of JSON (no <c>request_id</c>: no request was made).</summary>
    public static string Format(int code, string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            ApiErrorEnvelope.Write(writer, code, message);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
