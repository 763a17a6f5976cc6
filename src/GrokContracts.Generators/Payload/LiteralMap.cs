using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Generators.Payload;

/// <summary>
/// Maps offsets in a string literal's value to positions in the source, through escapes (<c>\"</c>,
/// <c>\u0041</c>), verbatim doubling (<c>""</c>) and the indentation a multi-line raw literal strips. This is
/// what puts a JSON diagnostic on the exact characters inside the literal.
/// </summary>
public sealed class LiteralMap
{
    private readonly int[] _starts;

    private LiteralMap(int[] starts) => _starts = starts;

    /// <summary>
    /// A map for <paramref name="token"/>, or null when its kind is not a plain string literal or its text cannot
    /// be mapped exactly (the caller then reports on the whole literal).
    /// </summary>
    public static LiteralMap? Create(SyntaxToken token)
    {
        var text = token.Text;
        var value = token.ValueText;
        var starts = new List<int>(value.Length + 1);
        var chars = new System.Text.StringBuilder(value.Length);
        bool ok;
        switch (token.Kind())
        {
            case SyntaxKind.StringLiteralToken:
            case SyntaxKind.Utf8StringLiteralToken:
                var end = text.Length - (token.IsKind(SyntaxKind.Utf8StringLiteralToken) ? 2 : 0);
                ok = text.Length > 0 && text[0] == '@'
                    ? MapVerbatim(text, end, starts, chars)
                    : MapRegular(text, end, starts, chars);
                break;
            case SyntaxKind.SingleLineRawStringLiteralToken:
            case SyntaxKind.Utf8SingleLineRawStringLiteralToken:
                ok = MapSingleLineRaw(text, token.IsKind(SyntaxKind.Utf8SingleLineRawStringLiteralToken) ? 2 : 0, starts, chars);
                break;
            case SyntaxKind.MultiLineRawStringLiteralToken:
            case SyntaxKind.Utf8MultiLineRawStringLiteralToken:
                ok = MapMultiLineRaw(text, token.IsKind(SyntaxKind.Utf8MultiLineRawStringLiteralToken) ? 2 : 0, starts, chars);
                break;
            default:
                return null;
        }

        if (!ok || starts.Count != value.Length + 1 || !string.Equals(chars.ToString(), value, System.StringComparison.Ordinal))
        {
            return null;
        }

        var absolute = new int[starts.Count];
        for (var i = 0; i < absolute.Length; i++)
        {
            absolute[i] = token.SpanStart + starts[i];
        }

        return new LiteralMap(absolute);
    }

    /// <summary>The source span of the value characters <paramref name="start"/>..<paramref name="start"/>+<paramref name="length"/>.</summary>
    public TextSpan Map(int start, int length)
    {
        var last = _starts.Length - 1;
        start = start < 0 ? 0 : start > last ? last : start;
        var end = start + (length < 0 ? 0 : length);
        end = end > last ? last : end;
        return TextSpan.FromBounds(_starts[start], _starts[end]);
    }

    private static bool MapVerbatim(string text, int end, List<int> starts, System.Text.StringBuilder chars)
    {
        // @"...": the only escape is "" for one quote.
        var i = 2;
        var close = end - 1;
        while (i < close)
        {
            starts.Add(i);
            chars.Append(text[i]);
            i += text[i] == '"' ? 2 : 1;
        }

        starts.Add(close);
        return true;
    }

    private static bool MapRegular(string text, int end, List<int> starts, System.Text.StringBuilder chars)
    {
        var i = 1;
        var close = end - 1;
        while (i < close)
        {
            var c = text[i];
            if (c != '\\')
            {
                starts.Add(i);
                chars.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= close)
            {
                return false;
            }

            var escapeStart = i;
            var e = text[i + 1];
            i += 2;
            switch (e)
            {
                case '\'': chars.Append('\''); break;
                case '"': chars.Append('"'); break;
                case '\\': chars.Append('\\'); break;
                case '0': chars.Append('\0'); break;
                case 'a': chars.Append('\a'); break;
                case 'b': chars.Append('\b'); break;
                case 'f': chars.Append('\f'); break;
                case 'n': chars.Append('\n'); break;
                case 'r': chars.Append('\r'); break;
                case 't': chars.Append('\t'); break;
                case 'v': chars.Append('\v'); break;
                case 'u':
                case 'x':
                case 'U':
                    var maxDigits = e == 'U' ? 8 : 4;
                    var digits = 0;
                    var code = 0;
                    while (digits < maxDigits && i < close && IsHex(text[i]))
                    {
                        code = (code * 16) + HexValue(text[i]);
                        i++;
                        digits++;
                    }

                    if (digits == 0 || (e != 'x' && digits != maxDigits) || code > 0x10FFFF)
                    {
                        return false;
                    }

                    if (code > 0xFFFF)
                    {
                        // Two UTF-16 units from one escape: both map to the escape's start.
                        var surrogates = char.ConvertFromUtf32(code);
                        starts.Add(escapeStart);
                        chars.Append(surrogates[0]);
                        chars.Append(surrogates[1]);
                    }
                    else
                    {
                        chars.Append((char)code);
                    }

                    break;
                default:
                    return false;
            }

            starts.Add(escapeStart);
        }

        starts.Add(close);
        return true;
    }

    private static bool MapSingleLineRaw(string text, int suffix, List<int> starts, System.Text.StringBuilder chars)
    {
        var quotes = CountQuotes(text);
        var close = text.Length - suffix - quotes;
        if (close < quotes)
        {
            return false;
        }

        for (var i = quotes; i < close; i++)
        {
            starts.Add(i);
            chars.Append(text[i]);
        }

        starts.Add(close);
        return true;
    }

    private static bool MapMultiLineRaw(string text, int suffix, List<int> starts, System.Text.StringBuilder chars)
    {
        var quotes = CountQuotes(text);
        var closeQuotes = text.Length - suffix - quotes;

        // The closing line is whitespace only: its whitespace is the indentation every content line loses.
        var indentStart = closeQuotes;
        while (indentStart > 0 && text[indentStart - 1] != '\n' && text[indentStart - 1] != '\r')
        {
            indentStart--;
        }

        var indentation = text.Substring(indentStart, closeQuotes - indentStart);
        var contentEnd = indentStart;
        if (contentEnd > 0 && text[contentEnd - 1] == '\n')
        {
            contentEnd--;
        }

        if (contentEnd > 0 && text[contentEnd - 1] == '\r')
        {
            contentEnd--;
        }

        var i = quotes;
        while (i < text.Length && text[i] != '\n' && text[i] != '\r')
        {
            i++;
        }

        i += i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n' ? 2 : 1;
        var first = true;
        while (i <= contentEnd)
        {
            var lineEnd = i;
            while (lineEnd < contentEnd && text[lineEnd] != '\n' && text[lineEnd] != '\r')
            {
                lineEnd++;
            }

            if (!first)
            {
                // The newline before this line belongs to the value.
                var newlineStart = i - 1;
                if (newlineStart > 0 && text[newlineStart] == '\n' && text[newlineStart - 1] == '\r')
                {
                    newlineStart--;
                }

                for (var n = newlineStart; n < i; n++)
                {
                    starts.Add(n);
                    chars.Append(text[n]);
                }
            }

            first = false;
            var lineStart = i;
            if (string.CompareOrdinal(text, lineStart, indentation, 0, indentation.Length) == 0 && lineEnd - lineStart >= indentation.Length)
            {
                lineStart += indentation.Length;
            }
            else if (!IsWhitespace(text, lineStart, lineEnd))
            {
                return false;
            }
            else
            {
                lineStart = lineEnd;
            }

            for (var c = lineStart; c < lineEnd; c++)
            {
                starts.Add(c);
                chars.Append(text[c]);
            }

            if (lineEnd >= contentEnd)
            {
                break;
            }

            i = lineEnd + (lineEnd + 1 < text.Length && text[lineEnd] == '\r' && text[lineEnd + 1] == '\n' ? 2 : 1);
        }

        starts.Add(contentEnd);
        return true;
    }

    private static bool IsWhitespace(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int CountQuotes(string text)
    {
        var count = 0;
        while (count < text.Length && text[count] == '"')
        {
            count++;
        }

        return count;
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
