namespace GrokContracts.Generators.Diagnostics;

/// <summary>
/// The ids of the payload diagnostics (GRK001-GRK009), shared by the analyzer, the code fixes and the docs. The spec
/// diagnostics' ids (GRK100-GRK103) are the Spec library's <c>SpecDiagnosticIds</c>, since the parser reports them.
/// </summary>
public static class PayloadDiagnosticIds
{
    /// <summary>A numeric constant outside the contract's range.</summary>
    public const string OutOfRange = "GRK001";

    /// <summary>A constant of the wrong JSON type.</summary>
    public const string WrongType = "GRK002";

    /// <summary>A string constant that is not an allowed value.</summary>
    public const string NotAllowed = "GRK003";

    /// <summary>A required parameter missing or empty.</summary>
    public const string MissingRequired = "GRK004";

    /// <summary>An image URL that is not a public http(s) URL.</summary>
    public const string BadUrl = "GRK005";

    /// <summary>An array with too many items.</summary>
    public const string TooManyItems = "GRK006";

    /// <summary>A parameter the contract does not have.</summary>
    public const string UnknownParameter = "GRK007";

    /// <summary>A model id close to, but not, a known contract.</summary>
    public const string UnknownModel = "GRK008";

    /// <summary>A raw payload that could be the generated typed request.</summary>
    public const string UseTypedRequest = "GRK009";
}
