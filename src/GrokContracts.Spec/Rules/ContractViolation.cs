namespace GrokContracts.Spec;

/// <summary>One way a payload breaks a contract, with the code and message the API answers.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Parameter">Wire name of the parameter (or of the unknown property).</param>
/// <param name="Path">JSON path of the offending value, e.g. <c>$.duration</c> or <c>$.image_urls[1]</c>.</param>
/// <param name="Code">The API's error code, or null for an advisory the API does not reject (e.g. an unknown parameter).</param>
/// <param name="Message">The rendered message.</param>
/// <param name="Value">The offending value (its <see cref="PayloadValue.Origin"/> locates it), or null when the parameter is missing.</param>
public sealed record ContractViolation(
    ViolationKind Kind,
    string Parameter,
    string Path,
    int? Code,
    string Message,
    PayloadValue? Value)
{
    /// <summary>True when the API rejects the request for this violation (it has a code).</summary>
    public bool IsRejected => Code is not null;
}
