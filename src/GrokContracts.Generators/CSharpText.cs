using System;
using System.Globalization;
using System.Text;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokContracts.Generators;

/// <summary>Turns spec values into C# source text: literals, identifiers and XML doc text. Culture-invariant.</summary>
internal static class CSharpText
{
    /// <summary>
    /// A C# string literal (regular, escaped) for <paramref name="value"/>, as Roslyn itself writes one: quotes,
    /// backslashes, control characters, line separators and lone surrogates escaped; culture-invariant.
    /// </summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A C# <c>decimal</c> literal without trailing zeros, e.g. <c>0.001m</c>.</summary>
    public static string DecimalLiteral(decimal value) => Number(value) + "m";

    /// <summary>An invariant number without trailing zeros or exponent, e.g. <c>15</c>, <c>0.001</c>.</summary>
    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>An invariant integer.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A C# <c>double</c> literal that round-trips, e.g. <c>2.5d</c>.</summary>
    public static string DoubleLiteral(decimal value) => Number(value) + "d";

    /// <summary>A C# <c>bool</c> literal.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary><paramref name="name"/>, with <c>@</c> when it is a C# keyword.</summary>
    public static string Identifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>The camelCase form of a PascalCase name, escaped when it is a keyword (<c>ImageUrls</c> → <c>imageUrls</c>).</summary>
    public static string CamelCase(string pascal) => Identifier(ContractNaming.ToCamelCase(pascal));

    /// <summary>
    /// Text escaped for an XML doc comment; line breaks become spaces, including those C# alone counts as line
    /// breaks (NEL U+0085, LS U+2028, PS U+2029), which would otherwise end the <c>///</c> comment mid-text.
    /// </summary>
    public static string Xml(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text!.Length);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (c == '\r' || c == '\n' || c == '\t' || c == '\u0085' || c == '\u2028' || c == '\u2029')
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            lastWasSpace = c == ' ';
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default:
                    if (c < ' ' || c == '\u007f')
                    {
                        // Control characters are not allowed in XML 1.0 text.
                        builder.Append(' ');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>A sentence from <paramref name="text"/>: escaped, ending with a period.</summary>
    public static string XmlSentence(string? text)
    {
        var xml = Xml(text);
        if (xml.Length == 0)
        {
            return xml;
        }

        var last = xml[xml.Length - 1];
        return last == '.' || last == '!' || last == '?' ? xml : xml + ".";
    }
}
