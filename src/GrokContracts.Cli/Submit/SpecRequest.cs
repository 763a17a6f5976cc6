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
    private readonly Contract _contract;
    private readonly byte[] _json;
    private readonly PayloadObject _body;

    public SpecRequest(Contract contract, ChannelDescriptor channel, byte[] json, PayloadObject body)
    {
        _contract = contract;
        _json = json;
        _body = body;
        Channel = channel;
    }

    public string ModelId => _contract.ModelId;

    public ChannelDescriptor Channel { get; }

    /// <summary>Every violation the rule engine finds, rejected ones and advisories (no code) alike.</summary>
    public IReadOnlyList<SpecViolation> Check() => ContractRules.Check(_contract, _body);

    /// <summary>The violations the API rejects, as the runtime reports them.</summary>
    public IReadOnlyList<GrokContracts.ContractViolation> Validate() =>
        Check()
            .Where(v => v.IsRejected)
            .Select(v => new GrokContracts.ContractViolation(v.Code!.Value, v.Message, v.Parameter, v.Path, Enum.Parse<ContractViolationKind>(v.Kind.ToString())))
            .ToList();

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(_json, skipInputValidation: true);
    }
}
