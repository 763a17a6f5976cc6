using System.Linq;
using System.Text;

namespace GrokContracts.Spec.Tests;

public class PayloadJsonTests
{
    /// <summary>Reads <paramref name="json"/>, which must be strict JSON (shared with <see cref="PayloadJsonEdgeTests"/>).</summary>
    internal static PayloadValue Read(string json)
    {
        Assert.True(PayloadJson.TryParse(json, out var value, out var error), error?.ToString());
        Assert.Null(error);
        return value!;
    }

    private static string Text(string json, object? origin)
    {
        var span = Assert.IsType<PayloadSpan>(origin);
        return json.Substring(span.Start, span.Length);
    }

    [Fact]
    public void Name_and_value_spans_are_exact_without_spaces()
    {
        const string json = "{\"a\":1}";
        var property = Assert.Single(((PayloadObject)Read(json)).Properties);
        Assert.Equal(new PayloadSpan(1, 3), property.Origin);
        Assert.Equal(new PayloadSpan(5, 1), property.Value.Origin);
        Assert.Equal(new PayloadSpan(0, 7), ((PayloadObject)Read(json)).Origin);
    }

    [Fact]
    public void Spans_are_exact_with_whitespace_and_escapes()
    {
        const string json = " {\n  \"caf\\u00e9\" :\t\"a\\\"b\\\\c\\n\" ,\r\n  \"n\\/m\": [ -1.5e3 , true,null ] } ";
        var root = (PayloadObject)Read(json);
        var first = root.Properties[0];
        Assert.Equal("café", first.Name);
        Assert.Equal("\"caf\\u00e9\"", Text(json, first.Origin));
        Assert.Equal("a\"b\\c\n", ((PayloadString)first.Value).Value);
        Assert.Equal("\"a\\\"b\\\\c\\n\"", Text(json, first.Value.Origin));

        var second = root.Properties[1];
        Assert.Equal("n/m", second.Name);
        var items = ((PayloadArray)second.Value).Items;
        var number = (PayloadNumber)items[0];
        Assert.Equal(-1500d, number.Value);
        Assert.Equal("-1.5e3", number.Text);
        Assert.Equal("-1.5e3", Text(json, number.Origin));
        Assert.Equal("true", Text(json, items[1].Origin));
        Assert.Equal(PayloadKind.Null, items[2].Kind);
        Assert.Equal("null", Text(json, items[2].Origin));
        Assert.Equal("[ -1.5e3 , true,null ]", Text(json, second.Value.Origin));
    }

    [Fact]
    public void Surrogate_pairs_and_non_ascii_keep_offsets()
    {
        const string json = "{\"😀\":\"\\ud83d\\ude00é\",\"k\":2}";
        var root = (PayloadObject)Read(json);
        Assert.Equal("😀", root.Properties[0].Name);
        Assert.Equal("😀é", ((PayloadString)root.Properties[0].Value).Value);
        Assert.Equal("2", Text(json, root.Properties[1].Value.Origin));
    }

    [Fact]
    public void Duplicates_are_kept_and_the_last_wins()
    {
        var root = (PayloadObject)Read("{\"d\":1,\"d\":2}");
        Assert.Equal(2, root.Properties.Count);
        Assert.Equal(2d, ((PayloadNumber)root.Find("d")!.Value).Value);
    }

    [Theory]
    [InlineData("8", true)]
    [InlineData("8.0", true)]
    [InlineData("8e0", true)]
    [InlineData("-0", true)]
    [InlineData("8.5", false)]
    [InlineData("1e400", false)]
    public void Integral_numbers(string json, bool integral) => Assert.Equal(integral, ((PayloadNumber)Read(json)).IsIntegral);

    [Theory]
    [InlineData("", 0)]
    [InlineData("{", 1)]
    [InlineData("{\"a\":1,}", 7)]
    [InlineData("{'a':1}", 1)]
    [InlineData("{a:1}", 1)]
    [InlineData("[1 2]", 3)]
    [InlineData("[01]", 2)]
    [InlineData("[1.]", 3)]
    [InlineData("[.5]", 1)]
    [InlineData("[+1]", 1)]
    [InlineData("[NaN]", 1)]
    [InlineData("[tru]", 1)]
    [InlineData("\"a\\x\"", 2)]
    [InlineData("\"a\\u00g0\"", 2)]
    [InlineData("\"tab\there\"", 4)]
    [InlineData("\"open", 5)]
    [InlineData("{} {}", 3)]
    [InlineData("// c\n{}", 0)]
    [InlineData("{\"a\" 1}", 5)]
    public void Malformed_json_reports_an_offset(string json, int offset)
    {
        Assert.False(PayloadJson.TryParse(json, out var value, out var error));
        Assert.Null(value);
        Assert.Equal(offset, error!.Offset);
        Assert.False(string.IsNullOrEmpty(error.Message));
    }

    [Fact]
    public void Depth_64_is_read_and_65_is_an_error()
    {
        Assert.True(PayloadJson.TryParse(new string('[', 64) + new string(']', 64), out _, out _));
        Assert.False(PayloadJson.TryParse(new string('[', 65) + new string(']', 65), out _, out var error));
        Assert.Equal(64, error!.Offset);
    }

    [Fact]
    public void Hundred_thousand_deep_json_is_an_error_not_a_crash()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("{\"a\":");
        }

        Assert.False(PayloadJson.TryParse(text.ToString(), out _, out var error));
        Assert.Equal(64 * 5, error!.Offset);
        Assert.False(PayloadJson.TryParse(new string('[', 100_000), out _, out _));
    }

    [Fact]
    public void Oversized_text_is_an_error()
    {
        var text = "\"" + new string('a', PayloadJson.MaxLength) + "\"";
        Assert.False(PayloadJson.TryParse(text, out _, out var error));
        Assert.Equal(0, error!.Offset);
    }

    [Fact]
    public void Null_text_is_an_error() => Assert.False(PayloadJson.TryParse(null!, out _, out _));

    [Fact]
    public void Random_garbage_never_throws()
    {
        var random = new System.Random(7);
        const string alphabet = "{}[]\":,\\u0123456789abcdeftrnl-+.eE \t\n";
        var parsed = 0;
        for (var i = 0; i < 5000; i++)
        {
            var chars = Enumerable.Range(0, random.Next(1, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            var text = new string(chars);
            if (PayloadJson.TryParse(text, out var value, out var error))
            {
                Assert.NotNull(value);
                parsed++;
            }
            else
            {
                Assert.InRange(error!.Offset, 0, text.Length);
            }
        }

        Assert.True(parsed > 0);
    }
}
