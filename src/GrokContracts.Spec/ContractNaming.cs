using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GrokContracts.Spec;

/// <summary>
/// How spec names become C# names. The parser and the generator both use these rules, so a name the parser
/// accepted is exactly the name the generator emits.
/// </summary>
public static class ContractNaming
{
    /// <summary>Namespace prefix of generated code when a spec sets no <c>namespace:</c>.</summary>
    public const string NamespacePrefix = "GrokContracts";

    /// <summary>Name of the generated request type when a spec sets no <c>requestType:</c>.</summary>
    public const string DefaultRequestTypeName = "VideoGenerationRequest";

    /// <summary>Prefix of a derived enum member name that would otherwise start with a digit (<c>480p</c> → <c>V480p</c>).</summary>
    public const string DigitPrefix = "V";

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// Members the generator declares on every request type besides the parameters' properties and <c>With…</c>
    /// methods. A parameter whose C# name is one of these is a GRK102 (rename it with <c>csharpName:</c>).
    /// </summary>
    public static IReadOnlyList<string> GeneratedRequestMembers { get; } = new[]
    {
        "ModelId", "Validate", "EnsureValid", "WriteTo", "ToJson", "ToUtf8Bytes", "ToString", "Equals", "GetHashCode",
        "GetType", "MemberwiseClone", "MemberwiseCopy", "Finalize", "CopyOf", "AddViolation", "s_modelName", "s_modelValue",
    };

    /// <summary>
    /// Prefix of the request type's pre-encoded JSON name of each parameter (<c>s_name_Duration</c>); with the
    /// <c>s_</c> fields of <see cref="GeneratedRequestMembers"/> these are the emitter's only private fields besides
    /// the <c>_</c> + <see cref="ArgumentName"/> backing fields.
    /// </summary>
    public const string JsonNameFieldPrefix = "s_name_";

    /// <summary>
    /// Members the generator declares on every channel class (<see cref="ChannelTypeName"/>) besides the
    /// per-parameter constants (<c>DurationMinimum</c>, <c>DurationMaximum</c>, <c>DurationDefault</c>, …).
    /// </summary>
    public static IReadOnlyList<string> GeneratedChannelMembers { get; } = new[]
    {
        "ModelId", "BaseUrl", "SubmitMethod", "SubmitPath", "PollMethod", "PollPath", "FormatPollPath", "CreditUsd",
        "PerSecondUsd", "VideoUrlsValidFor", "TryGetOutputSize", "EstimateCredits", "Descriptor", "Equals", "GetHashCode", "GetType", "ToString",
        "ReferenceEquals", "MemberwiseClone",
    };

    /// <summary>Suffixes of the per-parameter constants on the channel class (<c>Duration</c> + <c>Maximum</c>).</summary>
    public static IReadOnlyList<string> GeneratedChannelConstantSuffixes { get; } = new[] { "Minimum", "Maximum", "MinItems", "MaxItems", "Default" };

    /// <summary>Suffix of the generated helper class of an enum (<c>Resolution</c> → <c>ResolutionWire</c>).</summary>
    public const string WireClassSuffix = "Wire";

    /// <summary>
    /// The grammar of a parameter's wire (JSON) name, written exactly so in <c>spec/contract.schema.json</c> wherever a
    /// wire name appears: one or more characters, none a control character. JSON allows any name and APIs use
    /// kebab-case or non-ASCII ones; the C# names derived from it are checked separately (GRK102, or set <c>csharpName:</c>).
    /// </summary>
    public const string WireNamePattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]+$";

    /// <summary>Whether <paramref name="name"/> matches <see cref="WireNamePattern"/> (the parser's and the schema's one rule).</summary>
    public static bool IsWireName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var c in name!)
        {
            if (c <= '\u001F' || (c >= '\u007F' && c <= '\u009F'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Prefix of the generated fluent setter of a parameter (<c>Duration</c> → <c>WithDuration</c>).</summary>
    public const string WithMethodPrefix = "With";

    /// <summary>
    /// Whether the generator gives <paramref name="parameter"/> an enum (and a <c>…Wire</c> class): a string parameter
    /// with allowed values and an enum name. The emitter, the analyzers and the fixes all ask this one question.
    /// </summary>
    public static bool IsEnum(Parameter parameter) =>
        parameter is not null && parameter.Type == ParameterType.String && parameter.EnumName is not null && parameter.AllowedValues.Count > 0;

    /// <summary>The generated helper class of an enum parameter (<c>Resolution</c> → <c>ResolutionWire</c>), or null for other parameters.</summary>
    public static string? WireClassName(Parameter parameter) => IsEnum(parameter) ? parameter.EnumName + WireClassSuffix : null;

    /// <summary>The generated fluent setter of a parameter, e.g. <c>WithAspectRatio</c>.</summary>
    public static string WithMethodName(Parameter parameter) =>
        WithMethodPrefix + (parameter ?? throw new ArgumentNullException(nameof(parameter))).PropertyName;

    /// <summary>
    /// The generated constructor argument (and backing field) name of a parameter, unescaped: <c>imageUrls</c>. It may be
    /// a keyword (the emitter writes it with <c>@</c>); compare it with an argument's name as Roslyn reports it.
    /// </summary>
    public static string ArgumentName(Parameter parameter) =>
        ToCamelCase((parameter ?? throw new ArgumentNullException(nameof(parameter))).PropertyName);

    /// <summary>The generated static class of channel facts, e.g. <c>GrokImagineVideo15OfficialChannel</c>.</summary>
    public static string ChannelTypeName(string modelId) => ToMemberName(modelId) + "Channel";

    /// <summary>
    /// camelCase of a PascalCase name, as the generator names constructor arguments and backing fields:
    /// <c>Duration</c> → <c>duration</c>, <c>URL</c> → <c>url</c>, <c>URLList</c> → <c>urlList</c>, <c>P480</c> →
    /// <c>p480</c>. The result may be a keyword (<c>Class</c> → <c>class</c>); the generator escapes it with <c>@</c>.
    /// </summary>
    public static string ToCamelCase(string pascal)
    {
        if (pascal is null)
        {
            throw new ArgumentNullException(nameof(pascal));
        }

        if (pascal.Length == 0)
        {
            return pascal;
        }

        var upper = 0;
        while (upper < pascal.Length && char.IsUpper(pascal[upper]))
        {
            upper++;
        }

        var lowerCount = upper <= 1 || upper == pascal.Length ? Math.Max(upper, 1) : upper - 1;
        return pascal.Substring(0, lowerCount).ToLowerInvariant() + pascal.Substring(lowerCount);
    }

    /// <summary>The reserved C# keywords (contextual keywords such as <c>var</c> are valid identifiers and not listed).</summary>
    public static IReadOnlyCollection<string> ReservedKeywords => Keywords;

    /// <summary>
    /// PascalCase of a spec name: split into runs of letters and digits, upper-case the first letter of each run,
    /// join. <c>grok-imagine-video-1.5-official</c> → <c>GrokImagineVideo15Official</c>, <c>image_urls</c> →
    /// <c>ImageUrls</c>. The result may start with a digit or be empty; check it with <see cref="IsValidIdentifier"/>.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var builder = new StringBuilder(name.Length);
        var startOfRun = true;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(startOfRun ? char.ToUpperInvariant(c) : c);
                startOfRun = false;
            }
            else
            {
                startOfRun = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The enum member name derived from an allowed value when the spec gives no <c>name:</c>:
    /// <see cref="ToPascalCase"/>, prefixed with <see cref="DigitPrefix"/> when it starts with a digit
    /// (<c>auto</c> → <c>Auto</c>, <c>480p</c> → <c>V480p</c>, <c>16:9</c> → <c>V169</c>). Empty when the value has
    /// no letters or digits. Values that derive the same name are a spec error (GRK102): name them explicitly.
    /// </summary>
    public static string ToMemberName(string value)
    {
        var pascal = ToPascalCase(value);
        return pascal.Length > 0 && char.IsDigit(pascal[0]) ? DigitPrefix + pascal : pascal;
    }

    /// <summary>
    /// The namespace of a contract's generated types, the one rule for the generator and the analyzers: the item's
    /// <c>GrokContractNamespace</c> metadata, else the spec's <c>namespace:</c>, else <see cref="DefaultNamespace"/>;
    /// a name that is not a valid dotted C# name is skipped.
    /// </summary>
    /// <param name="metadataNamespace">The MSBuild metadata value, or null when unset.</param>
    /// <param name="contract">The contract.</param>
    public static string ChooseNamespace(string? metadataNamespace, Contract contract)
    {
        if (contract is null)
        {
            throw new ArgumentNullException(nameof(contract));
        }

        if (IsValidDottedName(metadataNamespace))
        {
            return metadataNamespace!;
        }

        return IsValidDottedName(contract.Namespace) ? contract.Namespace! : DefaultNamespace(contract.ModelId);
    }

    /// <summary><c>GrokContracts.</c> + <see cref="ToPascalCase"/> of the model id, e.g. <c>GrokContracts.GrokImagineVideo15Official</c>.</summary>
    public static string DefaultNamespace(string modelId)
    {
        var pascal = ToPascalCase(modelId);
        return pascal.Length > 0 && char.IsDigit(pascal[0])
            ? NamespacePrefix + "." + DigitPrefix + pascal
            : NamespacePrefix + "." + pascal;
    }

    /// <summary>True for a C# identifier that needs no <c>@</c>: a letter or <c>_</c> then letters, digits, connectors, combining or formatting characters, and not a reserved keyword.</summary>
    public static bool IsValidIdentifier(string? name)
    {
        if (string.IsNullOrEmpty(name) || Keywords.Contains(name!))
        {
            return false;
        }

        for (var i = 0; i < name!.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(name[i]);
            var ok = category switch
            {
                UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => true,
                UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.NonSpacingMark
                    or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format => i > 0,
                _ => false,
            };
            if (!ok && !(i == 0 && name[i] == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for a dotted C# name (<c>Company.Product.Video</c>) whose every part is a valid identifier.</summary>
    public static bool IsValidDottedName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var part in name!.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }
}
