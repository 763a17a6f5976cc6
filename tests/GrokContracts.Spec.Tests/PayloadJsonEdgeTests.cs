using System;
using System.Linq;
using System.Text;

namespace GrokContracts.Spec.Tests;

/// <summary>
/// <see cref="PayloadJson"/> at the edges of RFC 8259 (issue 14): empty containers with inner whitespace, every number
/// form the grammar allows or forbids, escapes in both cases, escapes cut short, unpaired surrogates, the length
/// limit to the character, UTF-8 bodies, and the exact values and spans of what is read.
/// </summary>
public class PayloadJsonEdgeTests
{
    private static PayloadValue Read(string json) => PayloadJsonTests.Read(json);

    private static PayloadJsonError Fail(string json)
    {
        Assert.False(PayloadJson.TryParse(json, out var value, out var error));
        Assert.Null(value);
        return error!;
    }

    // ---- containers ----

    [Theory]
    [InlineData("{ }")]
    [InlineData("{\n\t\r }")]
    [InlineData(" {} ")]
    public void Empty_objects_with_inner_whitespace(string json)
    {
        var root = Assert.IsType<PayloadObject>(Read(json));
        Assert.Empty(root.Properties);
        var span = Assert.IsType<PayloadSpan>(root.Origin);
        Assert.Equal(json.Trim(), json.Substring(span.Start, span.Length));
    }

    [Theory]
    [InlineData("[ ]")]
    [InlineData("[\n\t\r ]")]
    [InlineData(" [] ")]
    public void Empty_arrays_with_inner_whitespace(string json)
    {
        var root = Assert.IsType<PayloadArray>(Read(json));
        Assert.Empty(root.Items);
        var span = Assert.IsType<PayloadSpan>(root.Origin);
        Assert.Equal(json.Trim(), json.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Spans_of_non_empty_containers_away_from_the_start()
    {
        const string json = "  {\"a\":{\"b\":[1, 2]}} ";
        var root = (PayloadObject)Read(json);
        Assert.Equal(new PayloadSpan(2, 18), root.Origin);
        var inner = (PayloadObject)root.Properties[0].Value;
        Assert.Equal(new PayloadSpan(7, 12), inner.Origin);
        Assert.Equal(new PayloadSpan(12, 6), inner.Properties[0].Value.Origin);
    }

    [Fact]
    public void Whitespace_around_every_token_is_allowed()
    {
        var root = (PayloadObject)Read(" \t\n\r{ \"a\" \n:\r [ 1 ,\t2 ] ,\"b\" : { } } \r\n");
        Assert.Equal(new[] { "a", "b" }, root.Properties.Select(p => p.Name));
        Assert.Equal(new[] { 1d, 2d }, ((PayloadArray)root.Properties[0].Value).Items.Cast<PayloadNumber>().Select(n => n.Value));
        Assert.Empty(((PayloadObject)root.Properties[1].Value).Properties);
    }

    [Theory]
    [InlineData("{ ,}", 2, "expected a property name in double quotes")]
    [InlineData("{\"a\":1 \"b\":2}", 7, "expected '}', found '\"'")]
    [InlineData("[1,]", 3, "unexpected character ']', expected a value")]
    [InlineData("[1", 2, "expected ']', found end of text")]
    [InlineData("{\"a\":1", 6, "expected '}', found end of text")]
    [InlineData("{\"a\"", 4, "expected ':', found end of text")]
    [InlineData("{\"a\":", 5, "unexpected end of JSON, expected a value")]
    [InlineData("[", 1, "unexpected end of JSON, expected a value")]
    [InlineData("", 0, "unexpected end of JSON, expected a value")]
    [InlineData("   ", 3, "unexpected end of JSON, expected a value")]
    [InlineData("\u00a0{}", 0, "unexpected character '\u00a0', expected a value")]
    [InlineData("\u0001", 0, "unexpected character '\\u0001', expected a value")]
    [InlineData("{}\u0000", 2, "unexpected text after the JSON value")]
    [InlineData("[1]]", 3, "unexpected text after the JSON value")]
    [InlineData("nul", 0, "unexpected text, expected 'null'")]
    [InlineData("fals", 0, "unexpected text, expected 'false'")]
    [InlineData("True", 0, "unexpected character 'T', expected a value")]
    [InlineData("truex", 4, "unexpected text after the JSON value")]
    public void Malformed_structure_says_what_and_where(string json, int offset, string message)
    {
        var error = Fail(json);
        Assert.Equal((offset, message), (error.Offset, error.Message));
    }

    // ---- literals ----

    [Fact]
    public void Literals_read_as_their_values()
    {
        var items = ((PayloadArray)Read("[true,false,null]")).Items;
        Assert.True(Assert.IsType<PayloadBoolean>(items[0]).Value);
        Assert.False(Assert.IsType<PayloadBoolean>(items[1]).Value);
        Assert.IsType<PayloadNull>(items[2]);
        Assert.Equal(new[] { new PayloadSpan(1, 4), new PayloadSpan(6, 5), new PayloadSpan(12, 4) }, items.Select(i => (PayloadSpan)i.Origin!));
    }

    // ---- numbers ----

    [Theory]
    [InlineData("0", 0d)]
    [InlineData("-0", 0d)]
    [InlineData("7", 7d)]
    [InlineData("-12", -12d)]
    [InlineData("1.25", 1.25)]
    [InlineData("1e+2", 100d)]
    [InlineData("1E-3", 0.001)]
    [InlineData("1E3", 1000d)]
    [InlineData("-2.5e-1", -0.25)]
    [InlineData("0.0", 0d)]
    [InlineData("10", 10d)]
    [InlineData("1e400", double.PositiveInfinity)]
    [InlineData("-1e400", double.NegativeInfinity)]
    public void Numbers_the_grammar_allows(string json, double expected)
    {
        var number = Assert.IsType<PayloadNumber>(Read(json));
        Assert.Equal(expected, number.Value);
        Assert.Equal(json, number.Text);
        Assert.Equal(new PayloadSpan(0, json.Length), number.Origin);
    }

    [Theory]
    [InlineData("-", 1, "expected a digit")]
    [InlineData("-x", 1, "expected a digit")]
    [InlineData("--1", 1, "expected a digit")]
    [InlineData("1e", 2, "expected a digit in the exponent")]
    [InlineData("1E+", 3, "expected a digit in the exponent")]
    [InlineData("1e-", 3, "expected a digit in the exponent")]
    [InlineData("1.", 2, "expected a digit after the decimal point")]
    [InlineData("1.e5", 2, "expected a digit after the decimal point")]
    [InlineData("-.5", 1, "expected a digit")]
    [InlineData("00", 1, "unexpected text after the JSON value")]
    [InlineData("-01", 2, "unexpected text after the JSON value")]
    [InlineData("1e5.5", 3, "unexpected text after the JSON value")]
    [InlineData("0x10", 1, "unexpected text after the JSON value")]
    [InlineData("1_000", 1, "unexpected text after the JSON value")]
    public void Numbers_the_grammar_forbids(string json, int offset, string message)
    {
        var error = Fail(json);
        Assert.Equal((offset, message), (error.Offset, error.Message));
    }

    [Theory]
    [InlineData("[-]")]
    [InlineData("[1e]")]
    [InlineData("{\"d\":-}")]
    [InlineData("{\"d\":1e}")]
    public void A_cut_number_inside_a_container_is_rejected_not_read_as_infinity(string json) => Fail(json);

    // ---- strings and escapes ----

    [Theory]
    [InlineData("\"\\u00AF\"", "\u00af")]
    [InlineData("\"\\u00af\"", "\u00af")]
    [InlineData("\"\\uABCD\"", "\uabcd")]
    [InlineData("\"\\uabcd\"", "\uabcd")]
    [InlineData("\"\\uFfFf\"", "\uffff")]
    [InlineData("\"\\u0000\"", "\u0000")]
    [InlineData("\"\\u0009x\"", "\tx")]
    [InlineData("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t")]
    [InlineData("\"a\\nb\\nc\"", "a\nb\nc")]
    [InlineData("\"\\ud83d\\ude00\"", "\ud83d\ude00")]
    [InlineData("\"\\uD83D\\uDE00!\"", "\ud83d\ude00!")]
    [InlineData("\"\ud83d\ude00\"", "\ud83d\ude00")]
    [InlineData("\"\"", "")]
    [InlineData("\"\u007f\u0085\u2028\"", "\u007f\u0085\u2028")]
    public void Escapes_and_characters_read_as_their_values(string json, string expected)
    {
        var text = Assert.IsType<PayloadString>(Read(json));
        Assert.Equal(expected, text.Value);
        Assert.Equal(new PayloadSpan(0, json.Length), text.Origin);
    }

    [Theory]
    [InlineData("\"\\u12", 1, "\\u needs four hex digits")]
    [InlineData("\"\\u", 1, "\\u needs four hex digits")]
    [InlineData("\"\\u123", 1, "\\u needs four hex digits")]
    [InlineData("\"\\u12\"", 1, "\\u needs four hex digits")]
    [InlineData("\"\\u0041", 7, "unterminated string")]
    [InlineData("\"\\uG000\"", 1, "\\u needs four hex digits")]
    [InlineData("\"\\u000G\"", 1, "\\u needs four hex digits")]
    [InlineData("\"\\u00 0\"", 1, "\\u needs four hex digits")]
    [InlineData("\"\\u/000\"", 1, "\\u needs four hex digits")]
    [InlineData("\"\\u:000\"", 1, "\\u needs four hex digits")]
    [InlineData("\"\\u@000\"", 1, "\\u needs four hex digits")]
    [InlineData("\"\\u`000\"", 1, "\\u needs four hex digits")]
    [InlineData("\"\\ug000\"", 1, "\\u needs four hex digits")]
    [InlineData("\"\\", 1, "unterminated escape")]
    [InlineData("\"ab\\", 3, "unterminated escape")]
    [InlineData("\"\\U0041\"", 1, "invalid escape '\\U'")]
    [InlineData("\"\\ \"", 1, "invalid escape '\\ '")]
    [InlineData("\"\\'\"", 1, "invalid escape '\\''")]
    [InlineData("\"\\\u0001\"", 1, "invalid escape '\\\\u0001'")]
    [InlineData("\"a\nb\"", 2, "control character in a string; escape it")]
    [InlineData("\"\u001f\"", 1, "control character in a string; escape it")]
    [InlineData("\"abc", 4, "unterminated string")]
    public void Escapes_cut_short_or_invalid_are_parse_errors_never_exceptions(string json, int offset, string message)
    {
        var error = Fail(json);
        Assert.Equal((offset, message), (error.Offset, error.Message));
    }

    [Fact]
    public void Every_prefix_of_an_escaped_text_is_a_parse_error_never_an_exception()
    {
        const string json = "{\"caf\\u00E9\":\"\\ud83d\\ude00 \\\"x\\\"\",\"n\":-1.5E+3}";
        Read(json);
        for (var length = 0; length < json.Length; length++)
        {
            var error = Fail(json.Substring(0, length));
            Assert.InRange(error.Offset, 0, length);
        }
    }

    [Theory]
    [InlineData("\"\\ud800\"", 1)]
    [InlineData("\"\\uDBFF\"", 1)]
    [InlineData("\"\\udc00\"", 1)]
    [InlineData("\"x\\ude00\\ud83d\"", 2)]
    [InlineData("\"\\ud83d\\u0041\"", 1)]
    [InlineData("\"\\ud83d\\ud83d\"", 1)]
    [InlineData("\"\\ud83dx\"", 1)]
    [InlineData("\"\\ud83d\\n\"", 1)]
    [InlineData("\"\\ud83d", 1)]
    [InlineData("{\"\\ud800\":1}", 2)]
    public void Unpaired_surrogate_escapes_are_parse_errors(string json, int offset)
    {
        var error = Fail(json);
        Assert.Equal((offset, "unpaired surrogate escape in a string"), (error.Offset, error.Message));
    }

    // Lone surrogates cannot travel in attribute arguments (metadata stores strings as UTF-8): build them here.
    [Theory]
    [InlineData("\"{0}\"", 0xd800, 0, 1)]
    [InlineData("\"a{0}\"", 0xdc00, 0, 2)]
    [InlineData("\"{0}", 0xd83d, 0, 1)]
    [InlineData("\"{0}x\"", 0xd83d, 0, 1)]
    [InlineData("\"{0}{1}\"", 0xde00, 0xd83d, 1)]
    [InlineData("\"{0}{1}\"", 0xd83d, 0xd83d, 1)]
    [InlineData("{{\"{0}\":1}}", 0xdbff, 0, 2)]
    public void Unpaired_raw_surrogates_are_parse_errors(string format, int first, int second, int offset)
    {
        var json = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, (char)first, (char)second);
        var error = Fail(json);
        Assert.Equal((offset, "unpaired surrogate in a string"), (error.Offset, error.Message));
    }

    [Fact]
    public void A_property_name_is_unescaped_and_its_span_covers_the_quotes()
    {
        const string json = "{\"A\\u0042c\":true}";
        var property = Assert.Single(((PayloadObject)Read(json)).Properties);
        Assert.Equal("ABc", property.Name);
        Assert.Equal(new PayloadSpan(1, 10), property.Origin);
        Assert.True(((PayloadBoolean)property.Value).Value);
    }

    // ---- length ----

    [Fact]
    public void A_text_of_exactly_the_maximum_length_is_read()
    {
        var text = "\"" + new string('a', PayloadJson.MaxLength - 2) + "\"";
        Assert.Equal(1024 * 1024, text.Length);
        Assert.Equal(PayloadJson.MaxLength - 2, Assert.IsType<PayloadString>(Read(text)).Value.Length);
    }

    [Fact]
    public void One_character_more_is_an_error()
    {
        var error = Fail("\"" + new string('a', PayloadJson.MaxLength - 1) + "\"");
        Assert.Equal((0, "the JSON text is longer than 1048576 characters"), (error.Offset, error.Message));
    }

    [Fact]
    public void Limits_are_the_documented_ones()
    {
        Assert.Equal(64, PayloadJson.MaxDepth);
        Assert.Equal(1024 * 1024, PayloadJson.MaxLength);
        Assert.True(PayloadJson.TryParse(new string('[', 32) + "{\"a\":" + new string('[', 31) + new string(']', 31) + "}" + new string(']', 32), out _, out _));
        var error = Fail(new string('[', 32) + "{\"a\":" + new string('[', 32) + new string(']', 32) + "}" + new string(']', 32));
        Assert.Equal((68, "JSON nests deeper than 64 levels"), (error.Offset, error.Message));
        var objects = Fail(string.Concat(Enumerable.Repeat("{\"a\":", 65)) + "1" + new string('}', 65));
        Assert.Equal((320, "JSON nests deeper than 64 levels"), (objects.Offset, objects.Message));
    }

    [Fact]
    public void No_text_is_an_error()
    {
        Assert.False(PayloadJson.TryParse(null!, out var value, out var error));
        Assert.Null(value);
        Assert.Equal((0, "no JSON text"), (error!.Offset, error.Message));
    }

    // ---- UTF-8 bodies ----

    [Fact]
    public void A_utf8_body_reads_like_its_text()
    {
        var json = "{\"prompt\":\"caf\u00e9 \ud83d\ude00\",\"n\":[1,true]}";
        Assert.True(PayloadJson.TryParseUtf8(Encoding.UTF8.GetBytes(json), out var value, out var error), error?.Message);
        var root = Assert.IsType<PayloadObject>(value);
        Assert.Equal("caf\u00e9 \ud83d\ude00", ((PayloadString)root.Find("prompt")!.Value).Value);
        Assert.Equal(new PayloadSpan(24, 8), root.Find("n")!.Value.Origin);
    }

    [Theory]
    [InlineData(new byte[] { 0x22, 0xff, 0x22 }, 1)]
    [InlineData(new byte[] { 0x22, 0xc3, 0x22 }, 1)]
    [InlineData(new byte[] { 0x22, 0x61, 0xed, 0xa0, 0x80, 0x22 }, 2)]
    [InlineData(new byte[] { 0x22, 0xc0, 0xaf, 0x22 }, 1)]
    [InlineData(new byte[] { 0x22, 0xe2, 0x82 }, 1)]
    [InlineData(new byte[] { 0x80 }, 0)]
    public void Invalid_utf8_is_an_error_at_its_byte(byte[] body, int offset)
    {
        Assert.False(PayloadJson.TryParseUtf8(body, out var value, out var error));
        Assert.Null(value);
        Assert.Equal((offset, "the text is not valid UTF-8"), (error!.Offset, error.Message));
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_not_json()
    {
        Assert.False(PayloadJson.TryParseUtf8(new byte[] { 0xef, 0xbb, 0xbf, 0x7b, 0x7d }, out _, out var error));
        Assert.Equal(0, error!.Offset);
    }

    [Fact]
    public void Utf8_length_limits()
    {
        Assert.False(PayloadJson.TryParseUtf8(null!, out _, out var none));
        Assert.Equal((0, "no JSON text"), (none!.Offset, none.Message));

        // Three bytes per character at most: a body of 3 * MaxLength + 3 bytes cannot fit, and is not even decoded.
        var huge = new byte[(3 * PayloadJson.MaxLength) + 3];
        Assert.False(PayloadJson.TryParseUtf8(huge, out _, out var tooLong));
        Assert.Equal("the JSON text is longer than 1048576 characters", tooLong!.Message);

        // Exactly MaxLength characters of three bytes each still decode and read.
        var wide = Encoding.UTF8.GetBytes("\"" + new string('\u20ac', PayloadJson.MaxLength - 2) + "\"");
        Assert.True(PayloadJson.TryParseUtf8(wide, out var value, out _));
        Assert.Equal(PayloadJson.MaxLength - 2, ((PayloadString)value!).Value.Length);
        // 3 * MaxLength bytes can still be MaxLength characters: not refused for its size (here: not JSON at all).
        var notJson = Encoding.UTF8.GetBytes(new string('\u20ac', PayloadJson.MaxLength));
        Assert.False(PayloadJson.TryParseUtf8(notJson, out _, out var notJsonError));
        Assert.Equal((0, "unexpected character '\u20ac', expected a value"), (notJsonError!.Offset, notJsonError.Message));
        var wider = Encoding.UTF8.GetBytes("\"" + new string('\u20ac', PayloadJson.MaxLength) + "\"");
        Assert.False(PayloadJson.TryParseUtf8(wider, out _, out var over));
        Assert.Equal("the JSON text is longer than 1048576 characters", over!.Message);
    }
}
