using System;
using System.Collections.Generic;

namespace GrokContracts;

/// <summary>
/// Thrown by <c>EnsureValid()</c> (and before anything is sent) when a request breaks its contract.
/// <see cref="Code"/> and the message are those of the first violation, as the API would answer.
/// </summary>
public sealed class ContractValidationException : Exception
{
    /// <summary>Creates the exception from the violations of a request, in the API's order (at least one).</summary>
    public ContractValidationException(string modelId, IReadOnlyList<ContractViolation> violations)
        : base(Describe(modelId, violations))
    {
        ModelId = modelId;
        Violations = violations;
        Code = violations.Count > 0 ? violations[0].Code : 0;
    }

    /// <summary>The model id of the request's contract.</summary>
    public string ModelId { get; }

    /// <summary>The API's code of the first violation.</summary>
    public int Code { get; }

    /// <summary>Every violation, in the API's order.</summary>
    public IReadOnlyList<ContractViolation> Violations { get; }

    private static string Describe(string modelId, IReadOnlyList<ContractViolation> violations)
    {
        if (violations is null || violations.Count == 0)
        {
            return "The request breaks the " + modelId + " contract.";
        }

        var first = violations[0];
        var more = violations.Count > 1 ? " (and " + (violations.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more)" : string.Empty;
        return "The request breaks the " + modelId + " contract: " + first.Code.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + first.Message + more + ".";
    }
}
