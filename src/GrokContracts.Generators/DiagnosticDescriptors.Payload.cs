using Microsoft.CodeAnalysis;

namespace GrokContracts.Generators;

/// <summary>GRK001-GRK009: a C# payload (anonymous object, dictionary, JsonObject, JSON literal, typed request) that breaks its contract.</summary>
internal static partial class DiagnosticDescriptors
{
    private const string PayloadCategory = "GrokContracts.Payload";

    public static readonly DiagnosticDescriptor OutOfRange = Create(
        PayloadDiagnosticIds.OutOfRange,
        "Numeric value outside the contract's range",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor WrongType = Create(
        PayloadDiagnosticIds.WrongType,
        "Value of the wrong JSON type",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotAllowed = Create(
        PayloadDiagnosticIds.NotAllowed,
        "String value the contract does not allow",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingRequired = Create(
        PayloadDiagnosticIds.MissingRequired,
        "Required parameter missing or empty",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BadUrl = Create(
        PayloadDiagnosticIds.BadUrl,
        "Image URL is not a public http(s) URL",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TooManyItems = Create(
        PayloadDiagnosticIds.TooManyItems,
        "Too many items",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownParameter = Create(
        PayloadDiagnosticIds.UnknownParameter,
        "Parameter the contract does not have",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownModel = Create(
        PayloadDiagnosticIds.UnknownModel,
        "Model id close to a known contract",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UseTypedRequest = Create(
        PayloadDiagnosticIds.UseTypedRequest,
        "Raw payload could be the generated typed request",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Info);
}
