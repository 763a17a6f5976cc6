using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using GrokContracts.Generators.Payload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Analyzers.Tests.Payload;

/// <summary>
/// <see cref="LiteralMap"/> puts a JSON diagnostic on the exact source characters that write a value character: through
/// every escape of a regular literal, the doubled quote of a verbatim one, the quotes of a raw one and the indentation a
/// multi-line raw literal strips, with or without <c>u8</c>. The oracle is built with the literal: each value character
/// is written by a piece of source whose position is known.
/// </summary>
public sealed class LiteralMapTests
{
    /// <summary>Ways to write one character in a regular literal, with the character they write.</summary>
    private static readonly (string Source, string Value)[] RegularPieces =
    [
        ("a", "a"), ("{", "{"), (" ", " "), ("é", "é"), ("\\'", "'"), ("\\\"", "\""), ("\\\\", "\\"), ("\\0", "\0"), ("\\a", "\a"),
        ("\\b", "\b"), ("\\f", "\f"), ("\\n", "\n"), ("\\r", "\r"), ("\\t", "\t"), ("\\v", "\v"), ("\\u0041", "A"), ("\\u00af", "\u00af"),
        ("\\u00AF", "\u00af"), ("\\x41", "A"), ("\\x041", "A"), ("\\x0041", "A"), ("\\x7", "\u0007"), ("\\U00000042", "B"), ("\\U0001F600", "\U0001F600"),
        ("\\uFFFF", "\uFFFF"), ("\\U0000FFFF", "\uFFFF"), ("\\U00010000", "\U00010000"), ("\\U0010FFFF", "\U0010FFFF"), ("\\x0", "\0"), ("\\u0039", "9"), ("\\x9", "\t"),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_character_of_a_regular_literal_maps_to_what_writes_it(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 200; n++)
        {
            var pieces = Enumerable.Range(0, random.Next(0, 12)).Select(_ => RegularPieces[random.Next(RegularPieces.Length)]).ToList();

            // \x takes up to four hex digits: a following hex-looking piece would be read into it. Keep such pairs apart.
            for (var i = 1; i < pieces.Count; i++)
            {
                if (pieces[i - 1].Source.StartsWith("\\x", StringComparison.Ordinal) && IsHexDigit(pieces[i].Source[0]))
                {
                    pieces[i] = ("z", "z");
                }
            }

            AssertMaps("\"", pieces, "\"", utf8: random.Next(3) == 0);
        }
    }

    [Theory]
    [InlineData("a\"\"b", new[] { "a", "\"\"", "b" })]
    [InlineData("\"\"", new[] { "\"\"" })]
    [InlineData("{ \"\"model\"\": 1 }", new[] { "{", " ", "\"\"", "m", "o", "d", "e", "l", "\"\"", ":", " ", "1", " ", "}" })]
    [InlineData("back\\slash", new[] { "b", "a", "c", "k", "\\", "s", "l", "a", "s", "h" })]
    public void A_verbatim_literal_maps_a_doubled_quote_to_both_quotes(string body, string[] sources)
    {
        var pieces = sources.Select(s => (s, s == "\"\"" ? "\"" : s)).ToList();
        AssertMaps("@\"", pieces, "\"", utf8: false);
        AssertMaps("@\"", pieces, "\"", utf8: true);
        Assert.Equal(body, string.Concat(sources));
    }

    [Theory]
    [InlineData("\"\"\"", "{ \"model\": \"x\" }")]
    [InlineData("\"\"\"\"", "say \"\"\"hi\"\"\" now")]
    [InlineData("\"\"\"", "é \\n stays two characters")]
    public void A_single_line_raw_literal_maps_each_character_to_itself(string quotes, string body)
    {
        var pieces = body.Select(c => (c.ToString(), c.ToString())).ToList();
        AssertMaps(quotes, pieces, quotes, utf8: false);
        AssertMaps(quotes, pieces, quotes, utf8: true);
    }

    [Theory]
    [InlineData("\n", "    ", "{|  \"model\": \"x\",|  \"duration\": 8|}", "")]
    [InlineData("\r\n", "    ", "{|  \"a\": 1|}", "")]
    [InlineData("\r", "  ", "{|  \"a\": 1|}", "")] // a lone CR ends a line too
    [InlineData("\r", "", "cr|only", " ")]
    [InlineData("\r", "  ", "a||b", "")] // a blank line between lone CRs: each CR is its own line end
    [InlineData("\r", "  ", "a|", "")] // ... and a blank last line
    [InlineData("\n", "", "no indentation|at all", "")]
    [InlineData("\n", "\t", "tab|\tindented", "\t")] // whitespace after the opening quotes is not content
    [InlineData("\n", "  ", "blank line next||and after", "")]
    [InlineData("\n", "  ", "|blank first line", "")]
    [InlineData("\r\n", "  ", "|first line blank", "  ")]
    [InlineData("\r\n", "  ", "one line", "")]
    public void A_multi_line_raw_literal_maps_content_past_the_stripped_indentation_and_keeps_inner_newlines(string newline, string indentation, string joined, string afterOpening)
    {
        // Source: """{after}<nl>{indent}line<nl>{indent}line<nl>{indent}""" — the value is the lines joined by the newline.
        var lines = joined.Split('|');
        var source = new StringBuilder("\"\"\"" + afterOpening + newline);
        var expected = new List<(int Start, int Length)>();
        var value = new StringBuilder();
        for (var l = 0; l < lines.Length; l++)
        {
            if (l > 0)
            {
                foreach (var c in newline)
                {
                    expected.Add((source.Length - newline.Length + newline.IndexOf(c, StringComparison.Ordinal), 1));
                    value.Append(c);
                }
            }

            if (lines[l].Length > 0)
            {
                source.Append(indentation);
            }

            for (var k = 0; k < lines[l].Length; k++)
            {
                expected.Add((source.Length + k, 1));
                value.Append(lines[l][k]);
            }

            source.Append(lines[l]).Append(newline);
        }

        source.Append(indentation).Append("\"\"\"");
        foreach (var utf8 in new[] { false, true })
        {
            var token = Token(source + (utf8 ? "u8" : string.Empty));
            Assert.Equal(value.ToString(), token.ValueText);
            var map = LiteralMap.Create(token) ?? throw new Xunit.Sdk.XunitException("no map for " + source);
            for (var i = 0; i < expected.Count; i++)
            {
                var actual = map.Map(i, 1);
                if (value[i] is '\r' or '\n')
                {
                    // A line break runs to the next value character: over the indentation stripped from the next line,
                    // which is whitespace (a JSON token never ends inside a line break, so no diagnostic is widened).
                    Assert.Equal(expected[i].Start, actual.Start);
                    Assert.True(string.IsNullOrWhiteSpace(source.ToString(actual.Start, actual.Length)), $"character {i}: {actual}");
                    continue;
                }

                Assert.Equal(new TextSpan(expected[i].Start, expected[i].Length), actual);
            }

            // The end of the value is the end of the last content line (before the closing line's newline).
            var contentEnd = source.ToString().LastIndexOf(newline + indentation + "\"\"\"", StringComparison.Ordinal);
            Assert.Equal(new TextSpan(contentEnd, 0), map.Map(value.Length, 0));
        }
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void A_line_shorter_than_the_indentation_is_empty_and_a_longer_one_keeps_its_extra_whitespace(string nl)
    {
        // Indentation "  ": a one-space line is shorter (empty in the value), a blank one is empty, a three-space one
        // keeps one space. (A whitespace line that does not start like the indentation, "\t", is an error.)
        var source = "\"\"\"" + nl + "  a" + nl + " " + nl + nl + "   " + nl + "  b" + nl + "  \"\"\"";
        var token = Token(source);
        Assert.Equal("a" + nl + nl + nl + " " + nl + "b", token.ValueText);

        var map = LiteralMap.Create(token) ?? throw new Xunit.Sdk.XunitException("no map");
        var a = source.IndexOf('a', StringComparison.Ordinal);
        var b = source.IndexOf('b', StringComparison.Ordinal);
        var kept = source.IndexOf("   " + nl, StringComparison.Ordinal) + 2;
        Assert.Equal(new TextSpan(a, 1), map.Map(0, 1));
        Assert.Equal(new TextSpan(kept, 1), map.Map(token.ValueText.IndexOf(' ', StringComparison.Ordinal), 1));
        Assert.Equal(new TextSpan(b, 1), map.Map(token.ValueText.Length - 1, 1));
        Assert.Equal(TextSpan.FromBounds(a, b + 1), map.Map(0, token.ValueText.Length));
    }

    [Fact]
    public void Spans_are_clamped_to_the_value()
    {
        var token = Token("\"ab\\ncd\"");
        var map = LiteralMap.Create(token)!;

        Assert.Equal(new TextSpan(1, 0), map.Map(-3, 0));
        Assert.Equal(new TextSpan(1, 2), map.Map(-3, 2)); // clamped start, then two characters: "ab"
        Assert.Equal(new TextSpan(3, 2), map.Map(2, 1)); // the escape \n
        Assert.Equal(new TextSpan(1, 6), map.Map(0, 100)); // up to the closing quote
        Assert.Equal(new TextSpan(7, 0), map.Map(9, 1)); // past the end: at the closing quote, empty
        Assert.Equal(new TextSpan(3, 0), map.Map(2, -1)); // a negative length is empty
    }

    [Theory]
    [InlineData("'a'")] // a character literal
    [InlineData("42")]
    [InlineData("$\"{x}\"")] // interpolated: not a string literal token
    public void Tokens_that_are_not_string_literals_have_no_map(string expression)
    {
        var token = SyntaxFactory.ParseExpression(expression).DescendantTokens().First();
        Assert.Null(LiteralMap.Create(token));
    }

    [Theory]
    [InlineData("\"\\q\"")] // not an escape
    [InlineData("\"\\u12\"")] // \u needs four digits
    [InlineData("\"\\U0011FFFF\"")] // past U+10FFFF
    [InlineData("\"\\U0000004\"")] // \U needs eight digits
    [InlineData("\"\\x\"")] // \x needs a digit
    [InlineData("\"abc\\\"")] // ends inside an escape (unterminated)
    [InlineData("\"\"\"\n  ab\n cd\n  \"\"\"")] // a content line that does not start with the closing line's indentation
    public void Text_the_compiler_rejects_has_no_map(string literal)
    {
        var token = Token(literal);
        Assert.Null(LiteralMap.Create(token));
    }

    private static void AssertMaps(string open, IReadOnlyList<(string Source, string Value)> pieces, string close, bool utf8)
    {
        var source = new StringBuilder(open);
        var expected = new List<TextSpan>();
        var value = new StringBuilder();
        foreach (var (piece, written) in pieces)
        {
            foreach (var _ in written)
            {
                // A character a piece writes (two for a surrogate pair) maps to the whole piece.
                expected.Add(new TextSpan(source.Length, piece.Length));
            }

            source.Append(piece);
            value.Append(written);
        }

        var end = source.Length;
        source.Append(close).Append(utf8 ? "u8" : string.Empty);
        var token = Token(source.ToString());
        Assert.Equal(value.ToString(), token.ValueText);
        var map = LiteralMap.Create(token) ?? throw new Xunit.Sdk.XunitException("no map for " + source);
        for (var i = 0; i < expected.Count; i++)
        {
            var actual = map.Map(i, 1);
            if (pieces.Count > 0 && char.IsLowSurrogate(value[i]))
            {
                // The second unit of a pair starts where the pair's escape starts; its one-character span runs to the next piece.
                Assert.Equal(expected[i].Start, actual.Start);
                continue;
            }

            Assert.True(expected[i] == actual || (char.IsHighSurrogate(value[i]) && actual.Start == expected[i].Start), $"character {i} of {source}: expected {expected[i]}, got {actual}");
        }

        Assert.Equal(new TextSpan(end, 0), map.Map(value.Length, 0));
        Assert.Equal(TextSpan.FromBounds(open.Length, end), map.Map(0, value.Length));
    }

    private static SyntaxToken Token(string literal)
    {
        var expression = SyntaxFactory.ParseExpression(literal, options: new CSharpParseOptions(LanguageVersion.Latest));
        return expression is LiteralExpressionSyntax literalExpression ? literalExpression.Token : expression.DescendantTokens().First();
    }

    private static bool IsHexDigit(char c) => Uri.IsHexDigit(c);
}
