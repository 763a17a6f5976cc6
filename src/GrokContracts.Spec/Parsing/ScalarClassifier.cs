using System.Globalization;

namespace GrokContracts.Spec.Parsing;

/// <summary>
/// YAML 1.2 core-schema resolution of plain scalars: <c>null</c>/<c>~</c>/empty, <c>true</c>/<c>false</c>
/// (three casings each) and decimal numbers. Quoted and block scalars are always strings, so YAML and JSON
/// spellings of the same value resolve alike. Hex, octal, <c>.inf</c> and <c>.nan</c> are left as strings:
/// a spec has no use for them, and a schema error is clearer than a surprising value.
/// </summary>
internal static class ScalarClassifier
{
    public static (ScalarKind Kind, decimal? Number, bool Boolean, bool Overflow) Classify(string text, bool plain)
    {
        if (!plain)
        {
            return (ScalarKind.String, null, false, false);
        }

        switch (text)
        {
            case "":
            case "~":
            case "null":
            case "Null":
            case "NULL":
                return (ScalarKind.Null, null, false, false);
            case "true":
            case "True":
            case "TRUE":
                return (ScalarKind.Boolean, null, true, false);
            case "false":
            case "False":
            case "FALSE":
                return (ScalarKind.Boolean, null, false, false);
        }

        if (!LooksLikeNumber(text))
        {
            return (ScalarKind.String, null, false, false);
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return (ScalarKind.Number, Normalize(value), false, false);
        }

        return (ScalarKind.Number, null, false, true);
    }

    /// <summary>Drops trailing zeros so <c>3</c>, <c>3.0</c> and <c>3e0</c> are the same decimal in every respect.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary><c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c>, written out to avoid a regex.</summary>
    private static bool LooksLikeNumber(string text)
    {
        var i = 0;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            i++;
        }

        var digits = 0;
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
            digits++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            {
                i++;
            }

            var exponentDigits = 0;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
