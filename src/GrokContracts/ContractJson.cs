using System.IO;
using System.Text;
using System.Text.Json;

namespace GrokContracts;

/// <summary>Helpers that turn a typed request into its wire JSON.</summary>
public static class ContractJson
{
    /// <summary>The request body as UTF-8 JSON bytes.</summary>
    public static byte[] ToUtf8Bytes(IContractRequest request)
    {
        using var stream = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(stream))
        {
            request.WriteTo(writer);
        }

        return stream.ToArray();
    }

    /// <summary>The request body as a JSON string.</summary>
    public static string ToJson(IContractRequest request) => Encoding.UTF8.GetString(ToUtf8Bytes(request));
}
