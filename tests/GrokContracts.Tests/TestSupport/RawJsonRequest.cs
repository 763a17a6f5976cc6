using System.Collections.Generic;
using System.Text.Json;

namespace GrokContracts.Tests.TestSupport;

/// <summary>A request that claims to be valid and writes any JSON: for what only the server rejects.</summary>
internal sealed class RawJsonRequest : IContractRequest
{
    private readonly string json;

    public RawJsonRequest(string modelId, string json)
    {
        ModelId = modelId;
        this.json = json;
    }

    public string ModelId { get; }

    public IReadOnlyList<ContractViolation> Validate() => [];

    public void WriteTo(Utf8JsonWriter writer)
    {
        using var document = JsonDocument.Parse(json);
        document.WriteTo(writer);
    }
}
