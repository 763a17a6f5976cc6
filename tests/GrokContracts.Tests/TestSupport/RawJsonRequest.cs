using System.Collections.Generic;
using System.Text.Json;

namespace GrokContracts.Tests.TestSupport;

/// <summary>A request that claims to be valid and writes any JSON: for what only the server rejects.</summary>
internal sealed class RawJsonRequest : IContractRequest
{
    private readonly string _json;

    public RawJsonRequest(string modelId, string json, ChannelDescriptor? channel = null)
    {
        ModelId = modelId;
        _json = json;
        Channel = channel ?? GrokImagineVideo15Official.GrokImagineVideo15OfficialChannel.Descriptor;
    }

    public string ModelId { get; }

    public ChannelDescriptor Channel { get; }

    public IReadOnlyList<ContractViolation> Validate() => [];

    public void WriteTo(Utf8JsonWriter writer)
    {
        using var document = JsonDocument.Parse(_json);
        document.WriteTo(writer);
    }
}
