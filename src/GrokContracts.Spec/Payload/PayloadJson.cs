using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GrokContracts.Spec;

/// <summary>Why a JSON text could not be read, and where.</summary>
/// <param name="Message">What is wrong.</param>
/// <param name="Offset">0-based character offset of the problem in the text.</param>
public sealed record PayloadJsonError(string Message, int Offset);

/// <summary>
/// Reads strict JSON (RFC 8259) into <see cref="PayloadValue"/>s whose <see cref="PayloadValue.Origin"/> is the exact
/// <see cref="PayloadSpan"/> of each value and property name, so the analyzer can underline the very characters
/// inside a C# string literal.
/// </summary>
/// <remarks>
/// A small recursive-descent reader rather than YamlDotNet: YAML is a superset of JSON, so YamlDotNet accepts
/// things a JSON API rejects (comments, single quotes, unquoted keys, <c>.inf</c>), it has no JSON number
/// semantics, and its marks give token positions, not the spans of unescaped strings that the analyzer maps back.
/// System.Text.Json would be strict but is not available to an analyzer on every host. Recursion is bounded by
/// <see cref="MaxDepth"/> and the text by <see cref="MaxLength"/>; the reader never throws on any input.
/// Duplicate property names are kept; <see cref="PayloadObject.Find"/> returns the last one.
/// A string must be valid Unicode: an unpaired surrogate, escaped (<c>"\ud800"</c>) or raw, is an error, as in
/// I-JSON (RFC 7493) and System.Text.Json, because no UTF-8 body can carry it and no JSON writer can write it back.
/// </remarks>
public static class PayloadJson
{
    /// <summary>Deepest object/array nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>Longest text accepted, in UTF-16 characters (1 MiB).</summary>
    public const int MaxLength = 1024 * 1024;

    /// <summary>Reads <paramref name="json"/>; false with an <paramref name="error"/> when it is not strict JSON.</summary>
    public static bool TryParse(string json, out PayloadValue? value, out PayloadJsonError? error)
    {
        value = null;
        error = null;
        if (json is null)
        {
            error = new PayloadJsonError("no JSON text", 0);
            return false;
        }

        if (json.Length > MaxLength)
        {
            error = new PayloadJsonError($"the JSON text is longer than {MaxLength.ToString(CultureInfo.InvariantCulture)} characters", 0);
            return false;
        }

        var reader = new Reader(json);
        try
        {
            reader.SkipWhitespace();
            var result = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader.Position < json.Length)
            {
                throw new JsonSyntaxException("unexpected text after the JSON value", reader.Position);
            }

            value = result;
            return true;
        }
        catch (JsonSyntaxException ex)
        {
            error = new PayloadJsonError(ex.Message, ex.Offset);
            return false;
        }
    }

    /// <summary>
    /// Reads a UTF-8 body (an HTTP request, a file): false with an <paramref name="error"/> when it is not valid UTF-8
    /// (the offset is then the byte offset) or not strict JSON. A byte order mark is not skipped: it is not JSON.
    /// </summary>
    public static bool TryParseUtf8(byte[] utf8, out PayloadValue? value, out PayloadJsonError? error)
    {
        value = null;
        if (utf8 is null)
        {
            error = new PayloadJsonError("no JSON text", 0);
            return false;
        }

        // Every UTF-16 character takes at most 3 UTF-8 bytes: more bytes than that is surely too long, so don't decode it.
        if (utf8.Length / 3 > MaxLength)
        {
            error = new PayloadJsonError($"the JSON text is longer than {MaxLength.ToString(CultureInfo.InvariantCulture)} characters", 0);
            return false;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException ex)
        {
            error = new PayloadJsonError("the text is not valid UTF-8", Math.Max(0, Math.Min(ex.Index, utf8.Length)));
            return false;
        }

        return TryParse(text, out value, out error);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private sealed class JsonSyntaxException : Exception
    {
        public JsonSyntaxException(string message, int offset)
            : base(message) => Offset = offset;

        public int Offset { get; }
    }

    private sealed class Reader
    {
        private readonly string _text;

        public Reader(string text) => _text = text;

        public int Position { get; private set; }

        public void SkipWhitespace()
        {
            while (Position < _text.Length && _text[Position] is ' ' or '\t' or '\n' or '\r')
            {
                Position++;
            }
        }

        public PayloadValue ReadValue(int depth)
        {
            if (Position >= _text.Length)
            {
                throw new JsonSyntaxException("unexpected end of JSON, expected a value", Position);
            }

            var start = Position;
            switch (_text[Position])
            {
                case '{':
                    return ReadObject(depth + 1);
                case '[':
                    return ReadArray(depth + 1);
                case '"':
                    var text = ReadString();
                    return new PayloadString(text, new PayloadSpan(start, Position - start));
                case 't':
                    ReadLiteral("true");
                    return new PayloadBoolean(true, new PayloadSpan(start, 4));
                case 'f':
                    ReadLiteral("false");
                    return new PayloadBoolean(false, new PayloadSpan(start, 5));
                case 'n':
                    ReadLiteral("null");
                    return new PayloadNull(new PayloadSpan(start, 4));
                default:
                    if (_text[Position] == '-' || IsDigit(_text[Position]))
                    {
                        return ReadNumber();
                    }

                    throw new JsonSyntaxException($"unexpected character '{Printable(_text[Position])}', expected a value", Position);
            }
        }

        private PayloadObject ReadObject(int depth)
        {
            var start = Position;
            CheckDepth(depth, start);
            Position++;
            var properties = new List<PayloadProperty>();
            SkipWhitespace();
            if (Peek() == '}')
            {
                Position++;
                return new PayloadObject(properties, new PayloadSpan(start, Position - start));
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw new JsonSyntaxException("expected a property name in double quotes", Position);
                }

                var nameStart = Position;
                var name = ReadString();
                var nameSpan = new PayloadSpan(nameStart, Position - nameStart);
                SkipWhitespace();
                Expect(':');
                SkipWhitespace();
                var value = ReadValue(depth);
                properties.Add(new PayloadProperty(name, value, nameSpan));
                SkipWhitespace();
                if (Peek() == ',')
                {
                    Position++;
                    continue;
                }

                Expect('}');
                return new PayloadObject(properties, new PayloadSpan(start, Position - start));
            }
        }

        private PayloadArray ReadArray(int depth)
        {
            var start = Position;
            CheckDepth(depth, start);
            Position++;
            var items = new List<PayloadValue>();
            SkipWhitespace();
            if (Peek() == ']')
            {
                Position++;
                return new PayloadArray(items, new PayloadSpan(start, Position - start));
            }

            while (true)
            {
                SkipWhitespace();
                items.Add(ReadValue(depth));
                SkipWhitespace();
                if (Peek() == ',')
                {
                    Position++;
                    continue;
                }

                Expect(']');
                return new PayloadArray(items, new PayloadSpan(start, Position - start));
            }
        }

        private static void CheckDepth(int depth, int position)
        {
            if (depth > MaxDepth)
            {
                throw new JsonSyntaxException($"JSON nests deeper than {MaxDepth} levels", position);
            }
        }

        private string ReadString()
        {
            Position++; // opening quote
            StringBuilder? builder = null;
            var runStart = Position;
            while (true)
            {
                if (Position >= _text.Length)
                {
                    throw new JsonSyntaxException("unterminated string", Position);
                }

                var c = _text[Position];
                if (c == '"')
                {
                    var value = builder is null
                        ? _text.Substring(runStart, Position - runStart)
                        : builder.Append(_text, runStart, Position - runStart).ToString();
                    Position++;
                    return value;
                }

                if (c < ' ')
                {
                    throw new JsonSyntaxException("control character in a string; escape it", Position);
                }

                if (char.IsSurrogate(c))
                {
                    if (!char.IsHighSurrogate(c) || Position + 1 >= _text.Length || !char.IsLowSurrogate(_text[Position + 1]))
                    {
                        throw new JsonSyntaxException("unpaired surrogate in a string", Position);
                    }

                    Position += 2;
                    continue;
                }

                if (c != '\\')
                {
                    Position++;
                    continue;
                }

                builder ??= new StringBuilder();
                builder.Append(_text, runStart, Position - runStart);
                var escapeStart = Position;
                var escaped = ReadEscape();
                if (char.IsLowSurrogate(escaped))
                {
                    throw new JsonSyntaxException("unpaired surrogate escape in a string", escapeStart);
                }

                builder.Append(escaped);
                if (char.IsHighSurrogate(escaped))
                {
                    // The low half must follow as an escape too: "\ud83d\ude00".
                    var low = Position + 1 < _text.Length && _text[Position] == '\\' && _text[Position + 1] == 'u' ? ReadEscape() : '\0';
                    if (!char.IsLowSurrogate(low))
                    {
                        throw new JsonSyntaxException("unpaired surrogate escape in a string", escapeStart);
                    }

                    builder.Append(low);
                }

                runStart = Position;
            }
        }

        private char ReadEscape()
        {
            var escapeStart = Position;
            Position++; // backslash
            if (Position >= _text.Length)
            {
                throw new JsonSyntaxException("unterminated escape", escapeStart);
            }

            var c = _text[Position++];
            switch (c)
            {
                case '"': return '"';
                case '\\': return '\\';
                case '/': return '/';
                case 'b': return '\b';
                case 'f': return '\f';
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                case 'u':
                    if (Position + 4 > _text.Length)
                    {
                        throw new JsonSyntaxException("\\u needs four hex digits", escapeStart);
                    }

                    var code = 0;
                    for (var i = 0; i < 4; i++)
                    {
                        var digit = HexValue(_text[Position + i]);
                        if (digit < 0)
                        {
                            throw new JsonSyntaxException("\\u needs four hex digits", escapeStart);
                        }

                        code = (code * 16) + digit;
                    }

                    Position += 4;
                    return (char)code;
                default:
                    throw new JsonSyntaxException($"invalid escape '\\{Printable(c)}'", escapeStart);
            }
        }

        private PayloadNumber ReadNumber()
        {
            // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
            var start = Position;
            if (Peek() == '-')
            {
                Position++;
            }

            if (Peek() == '0')
            {
                Position++;
            }
            else if (IsDigit(Peek()))
            {
                SkipDigits();
            }
            else
            {
                throw new JsonSyntaxException("expected a digit", Position);
            }

            if (Peek() == '.')
            {
                Position++;
                if (!IsDigit(Peek()))
                {
                    throw new JsonSyntaxException("expected a digit after the decimal point", Position);
                }

                SkipDigits();
            }

            if (Peek() is 'e' or 'E')
            {
                Position++;
                if (Peek() is '+' or '-')
                {
                    Position++;
                }

                if (!IsDigit(Peek()))
                {
                    throw new JsonSyntaxException("expected a digit in the exponent", Position);
                }

                SkipDigits();
            }

            var text = _text.Substring(start, Position - start);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                // .NET Framework reports overflow as failure; .NET Core returns infinity. Agree on infinity.
                value = text[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            }

            return new PayloadNumber(value, text, new PayloadSpan(start, Position - start));
        }

        private void SkipDigits()
        {
            while (IsDigit(Peek()))
            {
                Position++;
            }
        }

        private void ReadLiteral(string literal)
        {
            if (string.CompareOrdinal(_text, Position, literal, 0, literal.Length) != 0)
            {
                throw new JsonSyntaxException($"unexpected text, expected '{literal}'", Position);
            }

            Position += literal.Length;
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                var found = Position < _text.Length ? "'" + Printable(_text[Position]) + "'" : "end of text";
                throw new JsonSyntaxException($"expected '{c}', found {found}", Position);
            }

            Position++;
        }

        private char Peek() => Position < _text.Length ? _text[Position] : '\0';

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };

        private static string Printable(char c) => c < ' ' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString();
    }
}
