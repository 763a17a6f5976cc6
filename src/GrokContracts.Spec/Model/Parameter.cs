namespace GrokContracts.Spec;

/// <summary>JSON type of a request parameter.</summary>
public enum ParameterType
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number with an integral value.</summary>
    Integer,

    /// <summary>Any JSON number.</summary>
    Number,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>A JSON array of strings.</summary>
    StringArray,
}

/// <summary>A format a string value (or each string item of an array) must follow.</summary>
public enum StringFormat
{
    /// <summary>No format rule.</summary>
    None,

    /// <summary>An absolute <c>http</c> or <c>https</c> URL with a host: no <c>data:</c>, <c>ftp:</c>, <c>file:</c> or relative URLs.</summary>
    PublicHttpUrl,
}

/// <summary>One request body parameter of a contract.</summary>
/// <param name="Name">Wire (JSON) name, e.g. <c>aspect_ratio</c>.</param>
/// <param name="PropertyName">C# property name, e.g. <c>AspectRatio</c> (from <c>csharpName:</c> or derived from the wire name).</param>
/// <param name="Type">JSON type.</param>
/// <param name="Required">Whether the API rejects a request without it.</param>
/// <param name="NonEmpty">Whether an empty string is rejected like a missing value.</param>
/// <param name="Default">The value the API uses when the parameter is absent, or null when none or unknown.</param>
/// <param name="EnumName">C# enum type name for the allowed values, or null when there are none.</param>
/// <param name="AllowedValues">Allowed string values (empty when any value is allowed).</param>
/// <param name="Minimum">Inclusive minimum of a number, or null.</param>
/// <param name="Maximum">Inclusive maximum of a number, or null.</param>
/// <param name="MinItems">Minimum number of array items, or null.</param>
/// <param name="MaxItems">Maximum number of array items, or null.</param>
/// <param name="Format">Format of a string (or of each array item).</param>
/// <param name="Unit">Unit of a number for docs (e.g. <c>seconds</c>), or null.</param>
/// <param name="Doc">Documentation text, or null.</param>
/// <param name="Errors">Per-parameter overrides of the contract-wide error rules (message and optionally code).</param>
public sealed record Parameter(
    string Name,
    string PropertyName,
    ParameterType Type,
    bool Required,
    bool NonEmpty,
    ContractValue? Default,
    string? EnumName,
    EquatableArray<AllowedValue> AllowedValues,
    decimal? Minimum,
    decimal? Maximum,
    int? MinItems,
    int? MaxItems,
    StringFormat Format,
    string? Unit,
    string? Doc,
    EquatableArray<ErrorRule> Errors)
{
    /// <summary>The allowed value whose wire form is <paramref name="value"/> (ordinal), or null.</summary>
    public AllowedValue? FindAllowedValue(string value)
    {
        foreach (var allowed in AllowedValues)
        {
            if (string.Equals(allowed.Value, value, System.StringComparison.Ordinal))
            {
                return allowed;
            }
        }

        return null;
    }
}

/// <summary>One allowed string value of a parameter.</summary>
/// <param name="Value">Wire value, e.g. <c>16:9</c>.</param>
/// <param name="MemberName">C# enum member name, e.g. <c>Landscape16x9</c>.</param>
/// <param name="Doc">Documentation text, or null.</param>
public sealed record AllowedValue(string Value, string MemberName, string? Doc);

/// <summary>Kind of a <see cref="ContractValue"/>.</summary>
public enum ContractValueKind
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A boolean.</summary>
    Boolean,
}

/// <summary>A constant from a spec (a default value), compared by value.</summary>
/// <param name="Kind">Which of the fields holds the value.</param>
/// <param name="String">The string value when <see cref="Kind"/> is <see cref="ContractValueKind.String"/>.</param>
/// <param name="Number">The number value when <see cref="Kind"/> is <see cref="ContractValueKind.Number"/>.</param>
/// <param name="Boolean">The boolean value when <see cref="Kind"/> is <see cref="ContractValueKind.Boolean"/>.</param>
public sealed record ContractValue(ContractValueKind Kind, string? String, decimal Number, bool Boolean)
{
    /// <summary>A string constant.</summary>
    public static ContractValue FromString(string value) => new(ContractValueKind.String, value, 0m, false);

    /// <summary>A number constant.</summary>
    public static ContractValue FromNumber(decimal value) => new(ContractValueKind.Number, null, value, false);

    /// <summary>A boolean constant.</summary>
    public static ContractValue FromBoolean(bool value) => new(ContractValueKind.Boolean, null, 0m, value);

    /// <summary>The value as JSON text (invariant culture).</summary>
    public override string ToString() => Kind switch
    {
        ContractValueKind.String => "\"" + String + "\"",
        ContractValueKind.Number => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Boolean ? "true" : "false",
    };
}
