using Microsoft.CodeAnalysis;

namespace GrokContracts.Generators.Diagnostics;

/// <summary>GRK001-GRK009: a C# payload (anonymous object, dictionary, JsonObject, JSON literal, typed request) that breaks its contract.</summary>
internal static partial class DiagnosticDescriptors
{
    private const string PayloadCategory = "GrokContracts.Payload";

    /// <summary>GRK001: see docs/rules/GRK001.md.</summary>
    public static readonly DiagnosticDescriptor OutOfRange = Create(
        PayloadDiagnosticIds.OutOfRange,
        "Numeric value outside the contract's range",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Error,
        "A numeric constant lies outside the minimum/maximum the contract gives for the parameter; the API would reject the request.");

    /// <summary>GRK002: see docs/rules/GRK002.md.</summary>
    public static readonly DiagnosticDescriptor WrongType = Create(
        PayloadDiagnosticIds.WrongType,
        "Value of the wrong JSON type",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Error,
        "A constant has a JSON type the parameter does not accept (e.g. the string \"8\" where the contract wants a number); the API would reject the request.");

    /// <summary>GRK003: see docs/rules/GRK003.md.</summary>
    public static readonly DiagnosticDescriptor NotAllowed = Create(
        PayloadDiagnosticIds.NotAllowed,
        "String value the contract does not allow",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Error,
        "A string constant is not one of the parameter's allowed values; the API would reject the request.");

    /// <summary>GRK004: see docs/rules/GRK004.md.</summary>
    public static readonly DiagnosticDescriptor MissingRequired = Create(
        PayloadDiagnosticIds.MissingRequired,
        "Required parameter missing or empty",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Error,
        "A parameter the contract requires is absent or null, an empty string where it must be non-empty, or an array with too few items; the API would reject the request.");

    /// <summary>GRK005: see docs/rules/GRK005.md.</summary>
    public static readonly DiagnosticDescriptor BadUrl = Create(
        PayloadDiagnosticIds.BadUrl,
        "Image URL is not a public http(s) URL",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Error,
        "An image URL is not a public http(s) URL (data: URIs, other schemes, relative or malformed URLs); the API would reject the request.");

    /// <summary>GRK006: see docs/rules/GRK006.md.</summary>
    public static readonly DiagnosticDescriptor TooManyItems = Create(
        PayloadDiagnosticIds.TooManyItems,
        "Too many items",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Error,
        "An array has more items than the contract allows (too few is GRK004); the API would reject the request.");

    /// <summary>GRK007: see docs/rules/GRK007.md.</summary>
    public static readonly DiagnosticDescriptor UnknownParameter = Create(
        PayloadDiagnosticIds.UnknownParameter,
        "Parameter the contract does not have",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Warning,
        "The payload sets a property the contract does not declare, often a typo of one it does.");

    /// <summary>GRK008: see docs/rules/GRK008.md.</summary>
    public static readonly DiagnosticDescriptor UnknownModel = Create(
        PayloadDiagnosticIds.UnknownModel,
        "Model id close to a known contract",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Warning,
        "The model id is not one of the project's contracts but is a likely typo of one; nothing else about the payload is judged until it is right.");

    /// <summary>GRK009: see docs/rules/GRK009.md.</summary>
    public static readonly DiagnosticDescriptor UseTypedRequest = Create(
        PayloadDiagnosticIds.UseTypedRequest,
        "Raw payload could be the generated typed request",
        "{0}",
        PayloadCategory,
        DiagnosticSeverity.Info,
        "A raw payload of a known contract could be written with the generated typed request, which the compiler checks as you type.");
}
