using System.Collections.Generic;
using System.Text.Json;

namespace GrokContracts;

/// <summary>
/// A typed request generated from a channel's contract spec: it knows its model id, validates itself
/// with the API's codes and writes exactly the wire JSON.
/// </summary>
public interface IContractRequest
{
    /// <summary>The channel's model id, written as the request's <c>model</c>.</summary>
    string ModelId { get; }

    /// <summary>The channel the request goes to: endpoints, status words, polling, pricing (from its spec).</summary>
    ChannelDescriptor Channel { get; }

    /// <summary>Every violation of the contract, in the order the API reports them; empty when valid.</summary>
    IReadOnlyList<ContractViolation> Validate();

    /// <summary>Writes the request body as one JSON object.</summary>
    void WriteTo(Utf8JsonWriter writer);
}
