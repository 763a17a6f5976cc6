using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using GrokContracts.Spec;
using SpecViolation = GrokContracts.Spec.ContractViolation;

namespace GrokContracts.Cli.Submit;

/// <summary>
/// A request body built at run time for a loaded contract: validated by the Spec library's rule engine (the one the
/// emulator, the analyzers and generated <c>Validate()</c> follow) and written to the wire exactly as built.
/// </summary>
internal sealed class SpecRequest : IContractRequest
{
    private readonly Contract contract;
    private readonly byte[] json;
    private readonly PayloadObject body;

    public SpecRequest(Contract contract, ChannelDescriptor channel, byte[] json, PayloadObject body)
    {
        this.contract = contract;
        this.json = json;
        this.body = body;
        Channel = channel;
    }

    public string ModelId => contract.ModelId;

    public ChannelDescriptor Channel { get; }

    /// <summary>Every violation the rule engine finds, rejected ones and advisories (no code) alike.</summary>
    public IReadOnlyList<SpecViolation> Check() => ContractRules.Check(contract, body);

    /// <summary>The violations the API rejects, as the runtime reports them.</summary>
    public IReadOnlyList<GrokContracts.ContractViolation> Validate() =>
        Check()
            .Where(v => v.IsRejected)
            .Select(v => new GrokContracts.ContractViolation(v.Code!.Value, v.Message, v.Parameter, v.Path, Enum.Parse<ContractViolationKind>(v.Kind.ToString())))
            .ToList();

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(json, skipInputValidation: true);
    }
}
