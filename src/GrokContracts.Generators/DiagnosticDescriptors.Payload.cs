using Microsoft.CodeAnalysis;

namespace GrokContracts.Generators;

/// <summary>GRK001-GRK009: a C# payload (anonymous object, dictionary, JsonObject, JSON literal, typed request) that breaks its contract.</summary>
internal static partial class DiagnosticDescriptors
{
    private const string PayloadCategory = "GrokContracts.Payload";

    public static readonly DiagnosticDescriptor OutOfRange = Create(
        PayloadDiagnosticIds.OutOfRange,
        PayloadCategory,
        DiagnosticSeverity.Error,
        "Numeric value outside the contract's range",
        "{0}",
        "A numeric constant is outside the minimum..maximum the contract allows for the parameter; the API rejects the request with HTTP 400.");

    public static readonly DiagnosticDescriptor WrongType = Create(
        PayloadDiagnosticIds.WrongType,
        PayloadCategory,
        DiagnosticSeverity.Error,
        "Value of the wrong JSON type",
        "{0}",
        "A constant has a different JSON type than the contract declares (a string for an integer, a string for a boolean, a number for a string); the API rejects the request with HTTP 400.");

    public static readonly DiagnosticDescriptor NotAllowed = Create(
        PayloadDiagnosticIds.NotAllowed,
        PayloadCategory,
        DiagnosticSeverity.Error,
        "String value the contract does not allow",
        "{0}",
        "A string constant is not one of the values the contract allows for the parameter (values are case-sensitive); the API rejects the request with HTTP 400.");

    public static readonly DiagnosticDescriptor MissingRequired = Create(
        PayloadDiagnosticIds.MissingRequired,
        PayloadCategory,
        DiagnosticSeverity.Error,
        "Required parameter missing or empty",
        "{0}",
        "A parameter the contract requires is absent, null, an empty string or an empty array; the API rejects the request with HTTP 400.");

    public static readonly DiagnosticDescriptor BadUrl = Create(
        PayloadDiagnosticIds.BadUrl,
        PayloadCategory,
        DiagnosticSeverity.Error,
        "Image URL is not a public http(s) URL",
        "{0}",
        "An image URL constant is a data: URI, uses another scheme (ftp:, file:) or is relative; the API only fetches public http(s) URLs and rejects the request with HTTP 400.");

    public static readonly DiagnosticDescriptor TooManyItems = Create(
        PayloadDiagnosticIds.TooManyItems,
        PayloadCategory,
        DiagnosticSeverity.Error,
        "Too many items",
        "{0}",
        "An array has more entries than the contract's maxItems; the API rejects the request with HTTP 400.");

    public static readonly DiagnosticDescriptor UnknownParameter = Create(
        PayloadDiagnosticIds.UnknownParameter,
        PayloadCategory,
        DiagnosticSeverity.Warning,
        "Parameter the contract does not have",
        "{0}",
        "The payload sets a parameter the model's contract does not declare (a typo, or a parameter of another channel); the API may ignore or reject it.");

    public static readonly DiagnosticDescriptor UnknownModel = Create(
        PayloadDiagnosticIds.UnknownModel,
        PayloadCategory,
        DiagnosticSeverity.Warning,
        "Model id close to a known contract",
        "{0}",
        "The model id is not one of the project's contracts but differs from one by a few characters; it is probably a typo, and the API rejects unknown models.");

    public static readonly DiagnosticDescriptor UseTypedRequest = Create(
        PayloadDiagnosticIds.UseTypedRequest,
        PayloadCategory,
        DiagnosticSeverity.Info,
        "Raw payload could be the generated typed request",
        "{0}",
        "An anonymous payload for a known contract can be written as the generated request type, which checks every value at compile time and writes exactly the wire JSON.");
}
