namespace GrokContracts.Generators;

/// <summary>
/// Keys of the <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> the payload analyzer attaches for the
/// code fixes (which live in another assembly and must not redo the analysis).
/// </summary>
public static class PayloadFixProperties
{
    /// <summary>Where the payload is: <see cref="CSharpContext"/> or <see cref="JsonContext"/>.</summary>
    public const string Context = "Context";

    /// <summary>The payload is C# (anonymous object, dictionary, JsonObject, typed API): fixes edit syntax.</summary>
    public const string CSharpContext = "csharp";

    /// <summary>The payload is JSON inside a string literal: fixes edit the literal's text.</summary>
    public const string JsonContext = "json";

    /// <summary>The wire name of the parameter concerned.</summary>
    public const string Parameter = "Parameter";

    /// <summary>The replacement value (raw, unquoted) for GRK001, GRK002 and GRK008.</summary>
    public const string Replacement = "Replacement";

    /// <summary>The JSON type of <see cref="Replacement"/>: <c>string</c>, <c>number</c>, <c>boolean</c>, or <c>array</c> (one string item).</summary>
    public const string ReplacementKind = "ReplacementKind";

    /// <summary>GRK003: the allowed values, the spec default first, separated by <c>\n</c>.</summary>
    public const string AllowedValues = "AllowedValues";

    /// <summary>GRK007: the known parameter to rename to; absent when the member should be removed.</summary>
    public const string RenameTo = "RenameTo";

    /// <summary>GRK009: the fully qualified generated request type (<c>global::…</c>).</summary>
    public const string RequestType = "RequestType";
}
