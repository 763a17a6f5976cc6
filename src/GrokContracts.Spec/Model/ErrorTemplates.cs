using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GrokContracts.Spec;

/// <summary>The code and final message of one violation, as the API answers it.</summary>
/// <param name="Code">The API's error code, or null when the API does not reject it (an advisory).</param>
/// <param name="Message">The message with every placeholder filled in.</param>
public sealed record ResolvedError(int? Code, string Message);

/// <summary>
/// Error message templates: the spec words for violation kinds, the placeholders, the built-in templates used
/// when a spec gives none, and rendering. The rule engine and the generator both render through here, so a
/// generated <c>Validate()</c> and <see cref="ContractRules"/> produce the same text.
/// </summary>
public static class ErrorTemplates
{
    private static readonly string[] SpecKeys =
    {
        "missing", "empty", "type", "minItems", "maxItems", "range", "allowed", "format", "unknown",
    };

    /// <summary>The placeholders a template may use.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = new[]
    {
        "name", "minimum", "maximum", "minItems", "maxItems", "allowed", "type", "unit",
    };

    /// <summary>The spec keys of <c>errors:</c>, in <see cref="ViolationKind"/> order.</summary>
    public static IReadOnlyList<string> Kinds => SpecKeys;

    /// <summary>The spec key of <paramref name="kind"/> (<c>missing</c>, <c>minItems</c>, ...).</summary>
    public static string ToSpecKey(ViolationKind kind) => SpecKeys[(int)kind];

    /// <summary>The kind whose spec key is <paramref name="key"/> (ordinal).</summary>
    public static bool TryParseSpecKey(string key, out ViolationKind kind)
    {
        var index = Array.IndexOf(SpecKeys, key);
        kind = index < 0 ? default : (ViolationKind)index;
        return index >= 0;
    }

    /// <summary>The template used when neither the parameter nor the contract gives a message for <paramref name="kind"/>.</summary>
    public static string DefaultTemplate(ViolationKind kind) => kind switch
    {
        ViolationKind.Missing => "{name} is required",
        ViolationKind.Empty => "{name} must not be empty",
        ViolationKind.WrongType => "{name} must be a JSON {type}",
        ViolationKind.TooFewItems => "{name} needs at least {minItems} entries",
        ViolationKind.TooManyItems => "{name} allows at most {maxItems} entries",
        ViolationKind.OutOfRange => "{name} must be {minimum}-{maximum}",
        ViolationKind.NotAllowed => "invalid {name} (allowed: {allowed})",
        ViolationKind.BadFormat => "{name} has an invalid format",
        _ => "{name} is not a parameter of this model",
    };

    /// <summary>The JSON type word of a parameter type: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>array</c>.</summary>
    public static string JsonTypeWord(ParameterType type) => type switch
    {
        ParameterType.String => "string",
        ParameterType.Integer => "integer",
        ParameterType.Number => "number",
        ParameterType.Boolean => "boolean",
        _ => "array",
    };

    /// <summary>A number as templates show it: invariant culture, no trailing zeros (<c>3</c>, <c>0.5</c>).</summary>
    public static string FormatNumber(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>
    /// The placeholder names used by <paramref name="template"/> that are not in <see cref="Placeholders"/>
    /// (the parser reports them as GRK102).
    /// </summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string template)
    {
        var unknown = new List<string>();
        foreach (var name in PlaceholdersIn(template))
        {
            if (Array.IndexOf((string[])Placeholders, name) < 0)
            {
                unknown.Add(name);
            }
        }

        return unknown;
    }

    /// <summary>The <c>{word}</c> placeholder names of a template, in order.</summary>
    public static IReadOnlyList<string> PlaceholdersIn(string template)
    {
        var names = new List<string>();
        var open = -1;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{')
            {
                open = i;
            }
            else if (template[i] == '}' && open >= 0)
            {
                names.Add(template.Substring(open + 1, i - open - 1));
                open = -1;
            }
        }

        return names;
    }

    /// <summary>
    /// Fills <paramref name="template"/> for <paramref name="parameter"/>: <c>{name}</c> is the wire name,
    /// <c>{allowed}</c> the allowed values joined with <c>" / "</c>, numbers are invariant without trailing zeros,
    /// and placeholders the parameter has no value for become empty. Unknown placeholders are kept as written.
    /// </summary>
    public static string Render(string template, Parameter parameter)
    {
        if (template is null)
        {
            throw new ArgumentNullException(nameof(template));
        }

        if (parameter is null)
        {
            throw new ArgumentNullException(nameof(parameter));
        }

        return Render(template, parameter.Name, name => ValueOf(parameter, name));
    }

    /// <summary>Fills <paramref name="template"/> for a name that is not a parameter (only <c>{name}</c> has a value).</summary>
    public static string Render(string template, string name) =>
        Render(template, name, placeholder => Array.IndexOf((string[])Placeholders, placeholder) >= 0 ? string.Empty : null);

    /// <summary>The value of one placeholder for <paramref name="parameter"/>; empty when it has none; null when unknown.</summary>
    public static string? ValueOf(Parameter parameter, string placeholder)
    {
        if (parameter is null)
        {
            throw new ArgumentNullException(nameof(parameter));
        }

        return placeholder switch
        {
            "name" => parameter.Name,
            "minimum" => parameter.Minimum is { } minimum ? FormatNumber(minimum) : string.Empty,
            "maximum" => parameter.Maximum is { } maximum ? FormatNumber(maximum) : string.Empty,
            "minItems" => parameter.MinItems?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            "maxItems" => parameter.MaxItems?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            "allowed" => JoinAllowed(parameter),
            "type" => JsonTypeWord(parameter.Type),
            "unit" => parameter.Unit ?? string.Empty,
            _ => null,
        };
    }

    /// <summary>True when <paramref name="parameter"/> has a value for <paramref name="placeholder"/> (so the message reads well).</summary>
    public static bool HasValue(Parameter parameter, string placeholder) => !string.IsNullOrEmpty(ValueOf(parameter, placeholder));

    private static string JoinAllowed(Parameter parameter)
    {
        var builder = new StringBuilder();
        foreach (var allowed in parameter.AllowedValues)
        {
            if (builder.Length > 0)
            {
                builder.Append(" / ");
            }

            builder.Append(allowed.Value);
        }

        return builder.ToString();
    }

    private static string Render(string template, string name, Func<string, string?> valueOf)
    {
        var builder = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            // The innermost "{...}" before the next "}", exactly as PlaceholdersIn reads it.
            var close = template.IndexOf('}', i);
            if (close < 0)
            {
                break;
            }

            var open = template.LastIndexOf('{', close, close - i + 1);
            if (open < 0)
            {
                builder.Append(template, i, close - i + 1);
                i = close + 1;
                continue;
            }

            var placeholder = template.Substring(open + 1, close - open - 1);
            var value = placeholder == "name" ? name : valueOf(placeholder);
            builder.Append(template, i, open - i);
            if (value is null)
            {
                builder.Append(template, open, close - open + 1);
            }
            else
            {
                builder.Append(value);
            }

            i = close + 1;
        }

        builder.Append(template, i, template.Length - i);
        return builder.ToString();
    }
}
