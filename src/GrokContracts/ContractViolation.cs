namespace GrokContracts;

/// <summary>What is wrong with a request, one kind per row of the API's validation table.</summary>
public enum ContractViolationKind
{
    /// <summary>A required parameter is absent.</summary>
    Missing,

    /// <summary>A required non-empty string is empty.</summary>
    Empty,

    /// <summary>A value of the wrong JSON type.</summary>
    WrongType,

    /// <summary>An array with too few items.</summary>
    TooFewItems,

    /// <summary>An array with too many items.</summary>
    TooManyItems,

    /// <summary>A number outside the allowed range.</summary>
    OutOfRange,

    /// <summary>A string that is not one of the allowed values.</summary>
    NotAllowed,

    /// <summary>A string (or array item) that breaks its format.</summary>
    BadFormat,

    /// <summary>A parameter the contract does not have.</summary>
    UnknownParameter,
}

/// <summary>
/// One way a request breaks its channel's contract, with the code and message the API would answer
/// (pattern-match on <see cref="Code"/>, not on <see cref="Message"/>).
/// </summary>
public sealed class ContractViolation
{
    /// <summary>Creates a violation.</summary>
    /// <param name="code">The API's five-digit error code (e.g. 20002, 20003).</param>
    /// <param name="message">The API's message.</param>
    /// <param name="parameter">Wire name of the parameter, e.g. <c>duration</c>.</param>
    /// <param name="path">JSON path of the offending value, e.g. <c>$.image_urls[0]</c>.</param>
    /// <param name="kind">The kind of violation.</param>
    public ContractViolation(int code, string message, string parameter, string path, ContractViolationKind kind)
    {
        Code = code;
        Message = message;
        Parameter = parameter;
        Path = path;
        Kind = kind;
    }

    /// <summary>The API's five-digit error code.</summary>
    public int Code { get; }

    /// <summary>The API's message (illustrative, not a stable contract).</summary>
    public string Message { get; }

    /// <summary>Wire name of the parameter.</summary>
    public string Parameter { get; }

    /// <summary>JSON path of the offending value.</summary>
    public string Path { get; }

    /// <summary>The kind of violation.</summary>
    public ContractViolationKind Kind { get; }

    /// <inheritdoc />
    public override string ToString() => Code.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Path + ": " + Message;
}
