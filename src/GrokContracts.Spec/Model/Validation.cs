namespace GrokContracts.Spec;

/// <summary>What is wrong with a payload, one kind per row of the API's validation table.</summary>
public enum ViolationKind
{
    /// <summary>A required parameter is absent (or JSON null). Spec key <c>missing</c>.</summary>
    Missing,

    /// <summary>A required non-empty string is empty. Spec key <c>empty</c>.</summary>
    Empty,

    /// <summary>A value of the wrong JSON type (<c>"duration": "8"</c>, <c>8.5</c> for an integer). Spec key <c>type</c>.</summary>
    WrongType,

    /// <summary>An array with fewer items than <c>minItems</c>. Spec key <c>minItems</c>.</summary>
    TooFewItems,

    /// <summary>An array with more items than <c>maxItems</c>. Spec key <c>maxItems</c>.</summary>
    TooManyItems,

    /// <summary>A number outside <c>minimum</c>..<c>maximum</c>. Spec key <c>range</c>.</summary>
    OutOfRange,

    /// <summary>A string that is not one of the allowed values. Spec key <c>allowed</c>.</summary>
    NotAllowed,

    /// <summary>A string (or array item) that breaks its format. Spec key <c>format</c>.</summary>
    BadFormat,

    /// <summary>A parameter the contract does not have. Spec key <c>unknown</c>.</summary>
    UnknownParameter,
}

/// <summary>A group of checks on one parameter, the unit of the API's reporting order.</summary>
public enum ValidationCheck
{
    /// <summary>Presence and non-emptiness (<see cref="ViolationKind.Missing"/>, <see cref="ViolationKind.Empty"/>).</summary>
    Required,

    /// <summary>JSON type (<see cref="ViolationKind.WrongType"/>).</summary>
    Type,

    /// <summary>Array item count (<see cref="ViolationKind.TooFewItems"/>, <see cref="ViolationKind.TooManyItems"/>).</summary>
    Items,

    /// <summary>Numeric range (<see cref="ViolationKind.OutOfRange"/>).</summary>
    Range,

    /// <summary>Allowed values (<see cref="ViolationKind.NotAllowed"/>).</summary>
    Allowed,

    /// <summary>String format (<see cref="ViolationKind.BadFormat"/>).</summary>
    Format,
}

/// <summary>One step of the API's validation order: a check on a parameter.</summary>
/// <param name="Parameter">Wire name of the parameter.</param>
/// <param name="Check">The check.</param>
public sealed record ValidationStep(string Parameter, ValidationCheck Check);

/// <summary>The code and message template the API answers with for one kind of violation.</summary>
/// <param name="Kind">The violation kind.</param>
/// <param name="Code">The API's five-digit error code, or null when the API does not reject it (e.g. unknown parameters).</param>
/// <param name="Message">Message template with placeholders <c>{name}</c>, <c>{minimum}</c>, <c>{maximum}</c>, <c>{minItems}</c>, <c>{maxItems}</c>, <c>{allowed}</c>, <c>{type}</c>, <c>{unit}</c>; null to inherit.</param>
/// <param name="Doc">Documentation text (e.g. where the reference is silent), or null.</param>
public sealed record ErrorRule(ViolationKind Kind, int? Code, string? Message, string? Doc);
