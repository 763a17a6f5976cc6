using System.Collections.Generic;
using System.Linq;

namespace GrokContracts.Spec.Tests;

/// <summary>Every row of the reference's validation table, its boundaries and the reporting order, through <see cref="ContractRules"/>.</summary>
public class RulesTests
{
    private const string Image = "\"https://example.com/cat.png\"";

    private static readonly Contract Official = SpecFiles.OfficialContract;
    private static readonly Contract Beta = SpecFiles.BetaContract;

    /// <summary>A valid official body with <paramref name="fields"/> replacing or adding members (null removes one).</summary>
    private static PayloadObject Body(params (string Name, string? Json)[] fields)
    {
        var members = new List<(string, string?)>
        {
            ("model", "\"grok-imagine-video-1.5-official\""),
            ("prompt", "\"A cat walks in the rain\""),
            ("image_urls", "[" + Image + "]"),
        };
        foreach (var (name, json) in fields)
        {
            var index = members.FindIndex(m => m.Item1 == name);
            if (index >= 0)
            {
                members[index] = (name, json);
            }
            else
            {
                members.Add((name, json));
            }
        }

        var text = "{" + string.Join(",", members.Where(m => m.Item2 is not null).Select(m => "\"" + m.Item1 + "\":" + m.Item2)) + "}";
        Assert.True(PayloadJson.TryParse(text, out var value, out var error), error?.Message);
        return (PayloadObject)value!;
    }

    private static ContractViolation? First(Contract contract, PayloadObject body) => ContractRules.FirstRejection(contract, body);

    private static void AssertRejected(Contract contract, PayloadObject body, int code, string message, string path, ViolationKind kind)
    {
        var first = First(contract, body);
        Assert.NotNull(first);
        Assert.Equal((code, message, path, kind), (first!.Code!.Value, first.Message, first.Path, first.Kind));
        Assert.True(first.IsRejected);
    }

    [Fact]
    public void Valid_minimal_body_is_accepted() => Assert.Empty(ContractRules.Check(Official, Body()));

    [Fact]
    public void Valid_full_body_is_accepted() =>
        Assert.Empty(ContractRules.Check(Official, Body(("aspect_ratio", "\"9:16\""), ("resolution", "\"720p\""), ("duration", "15"), ("audio", "false"))));

    // ---- the reference's validation table, row by row ----

    [Fact]
    public void Prompt_missing() =>
        AssertRejected(Official, Body(("prompt", null)), 20002, "prompt is required", "$.prompt", ViolationKind.Missing);

    [Fact]
    public void Prompt_empty() =>
        AssertRejected(Official, Body(("prompt", "\"\"")), 20002, "prompt is required", "$.prompt", ViolationKind.Empty);

    [Fact]
    public void Prompt_null_counts_as_missing() =>
        AssertRejected(Official, Body(("prompt", "null")), 20002, "prompt is required", "$.prompt", ViolationKind.Missing);

    [Fact]
    public void Image_urls_missing() =>
        AssertRejected(Official, Body(("image_urls", null)), 20002, "image_urls is required", "$.image_urls", ViolationKind.Missing);

    [Fact]
    public void Image_urls_with_two_entries() =>
        AssertRejected(Official, Body(("image_urls", "[" + Image + "," + Image + "]")), 20003, "image_urls allows at most 1 entry", "$.image_urls", ViolationKind.TooManyItems);

    [Fact]
    public void Image_urls_empty_uses_the_min_items_rule() =>
        AssertRejected(Official, Body(("image_urls", "[]")), 20002, "image_urls is required", "$.image_urls", ViolationKind.TooFewItems);

    [Theory]
    [InlineData("2")]
    [InlineData("16")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("1e3")]
    public void Duration_outside_3_to_15(string duration) =>
        AssertRejected(Official, Body(("duration", duration)), 20003, "duration must be 3-15 seconds", "$.duration", ViolationKind.OutOfRange);

    [Theory]
    [InlineData("3")]
    [InlineData("15")]
    [InlineData("8")]
    [InlineData("8.0")]
    [InlineData("1.5e1")]
    public void Duration_inside_3_to_15(string duration) => Assert.Null(First(Official, Body(("duration", duration))));

    [Theory]
    [InlineData("\"720P\"")]
    [InlineData("\"1080p\"")]
    [InlineData("\"auto\"")]
    [InlineData("\"\"")]
    public void Unknown_resolution(string resolution) =>
        AssertRejected(Official, Body(("resolution", resolution)), 20003, "invalid resolution (allowed: 480p / 720p)", "$.resolution", ViolationKind.NotAllowed);

    [Theory]
    [InlineData("\"auto\"")]
    [InlineData("\"4:3\"")]
    [InlineData("\"16x9\"")]
    public void Aspect_ratio_outside_the_three(string aspect) =>
        AssertRejected(Official, Body(("aspect_ratio", aspect)), 20003, "invalid aspect_ratio", "$.aspect_ratio", ViolationKind.NotAllowed);

    [Theory]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("ftp://example.com/cat.png")]
    [InlineData("file:///tmp/cat.png")]
    [InlineData("/images/cat.png")]
    [InlineData("cat.png")]
    [InlineData("//example.com/cat.png")]
    [InlineData("https://")]
    [InlineData("http:/example.com/cat.png")]
    [InlineData("https://exa mple.com/cat.png")]
    [InlineData("https://example.com:99999/cat.png")]
    [InlineData("https://.../cat.png")]
    [InlineData("https://user@/cat.png")]
    public void Image_urls_entry_that_is_not_public_http(string url) =>
        AssertRejected(Official, Body(("image_urls", "[\"" + url + "\"]")), 20003, "image_urls entries must be public http(s) URLs", "$.image_urls[0]", ViolationKind.BadFormat);

    [Fact]
    public void Image_url_with_a_backslash_is_rejected()
    {
        var images = Official.FindParameter("image_urls")!;
        var value = new PayloadArray(new PayloadValue[] { new PayloadString("https://evil.example\\@good.example/cat.png") });
        var violation = Assert.Single(ContractRules.CheckParameter(Official, images, value));
        Assert.Equal((ViolationKind.BadFormat, "$.image_urls[0]"), (violation.Kind, violation.Path));
    }

    [Theory]
    [InlineData("https://example.com/cat.png")]
    [InlineData("http://example.com:8080/a/b.webp?x=1#y")]
    [InlineData("HTTPS://EXAMPLE.COM/CAT.PNG")]
    [InlineData("https://[2001:db8::1]/cat.png")]
    [InlineData("https://user:pw@example.com:443/cat.png")]
    [InlineData("https://bücher.example/cat.png")]
    public void Image_urls_entry_that_is_public_http(string url) =>
        Assert.Null(First(Official, Body(("image_urls", "[\"" + url + "\"]"))));

    // ---- wrong JSON types (rejected with 400; the code is the spec's assumption) ----

    [Theory]
    [InlineData("duration", "\"8\"", "$.duration", "duration must be a JSON integer")]
    [InlineData("duration", "8.5", "$.duration", "duration must be a JSON integer")]
    [InlineData("audio", "\"false\"", "$.audio", "audio must be a JSON boolean")]
    [InlineData("prompt", "42", "$.prompt", "prompt must be a JSON string")]
    [InlineData("image_urls", Image, "$.image_urls", "image_urls must be a JSON array")]
    [InlineData("resolution", "720", "$.resolution", "resolution must be a JSON string")]
    [InlineData("image_urls", "[42]", "$.image_urls[0]", "image_urls must be a JSON array")]
    public void Wrong_json_type(string name, string json, string path, string message) =>
        AssertRejected(Official, Body((name, json)), 20003, message, path, ViolationKind.WrongType);

    [Fact]
    public void Wrong_type_skips_the_value_checks_of_that_parameter()
    {
        var violations = ContractRules.Check(Official, Body(("duration", "\"99\"")));
        Assert.Equal(ViolationKind.WrongType, Assert.Single(violations).Kind);
    }

    // ---- reporting order ----

    [Fact]
    public void Several_violations_come_in_the_api_reporting_order()
    {
        var body = Body(
            ("prompt", "\"\""),
            ("image_urls", "[\"data:x\",\"ftp://a/b\"]"),
            ("duration", "20"),
            ("resolution", "\"1080p\""),
            ("aspect_ratio", "\"4:3\""),
            ("audio", "\"no\""),
            ("nsfw_checker", "true"));
        var violations = ContractRules.Check(Official, body);
        Assert.Equal(
            new[]
            {
                "Empty $.prompt 20002",
                "TooManyItems $.image_urls 20003",
                "OutOfRange $.duration 20003",
                "NotAllowed $.resolution 20003",
                "NotAllowed $.aspect_ratio 20003",
                "BadFormat $.image_urls[0] 20003",
                "BadFormat $.image_urls[1] 20003",
                "WrongType $.audio 20003",
                "UnknownParameter $.nsfw_checker -",
            },
            violations.Select(v => $"{v.Kind} {v.Path} {v.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"));
        Assert.Equal("prompt is required", ContractRules.FirstRejection(Official, body)!.Message);
    }

    [Fact]
    public void First_rejection_follows_the_order_not_the_payload()
    {
        // resolution comes before duration in the payload, but the API checks duration first.
        var body = Body(("resolution", "\"1080p\""), ("duration", "99"));
        Assert.Equal("$.duration", First(Official, body)!.Path);
    }

    [Fact]
    public void Unknown_parameters_are_advisories_without_a_code()
    {
        var violations = ContractRules.Check(Official, Body(("mode", "\"fast\""), ("nsfw_checker", "false")));
        Assert.Equal(new[] { "$.mode", "$.nsfw_checker" }, violations.Select(v => v.Path));
        Assert.All(violations, v => Assert.Null(v.Code));
        Assert.All(violations, v => Assert.False(v.IsRejected));
        Assert.Null(ContractRules.FirstRejection(Official, Body(("mode", "\"fast\""))));
        Assert.Equal("mode is not a parameter of this model", violations[0].Message);
    }

    [Fact]
    public void Duplicate_properties_last_one_wins()
    {
        Assert.True(PayloadJson.TryParse("{\"prompt\":\"x\",\"image_urls\":[" + Image + "],\"duration\":99,\"duration\":5}", out var ok, out _));
        Assert.Empty(ContractRules.Check(Official, (PayloadObject)ok!));
        Assert.True(PayloadJson.TryParse("{\"prompt\":\"x\",\"image_urls\":[" + Image + "],\"duration\":5,\"duration\":99}", out var bad, out _));
        Assert.Equal(ViolationKind.OutOfRange, Assert.Single(ContractRules.Check(Official, (PayloadObject)bad!)).Kind);
    }

    [Fact]
    public void Null_for_an_optional_parameter_is_treated_as_absent() =>
        Assert.Empty(ContractRules.Check(Official, Body(("duration", "null"), ("resolution", "null"))));

    [Fact]
    public void Violation_value_points_at_the_offending_json()
    {
        var text = "{\"prompt\":\"x\",\"image_urls\":[\"https://a.b/c.png\", \"ftp://x\"]}";
        Assert.True(PayloadJson.TryParse(text, out var body, out _));
        var violations = ContractRules.Check(Official, (PayloadObject)body!);
        Assert.Equal(2, violations.Count); // too many items, then the ftp entry's format
        var span = (PayloadSpan)violations[1].Value!.Origin!;
        Assert.Equal("\"ftp://x\"", text.Substring(span.Start, span.Length));
        Assert.Null(ContractRules.Check(Official, Body(("prompt", null)))[0].Value);
    }

    // ---- beta ----

    [Fact]
    public void Beta_accepts_auto_duration_1_and_no_prompt()
    {
        var body = Body(("model", "\"grok-imagine-video-1.5-beta\""), ("prompt", null), ("aspect_ratio", "\"auto\""), ("duration", "1"), ("nsfw_checker", "true"));
        Assert.Empty(ContractRules.Check(Beta, body));
    }

    [Fact]
    public void Beta_rejects_duration_0_and_16() =>
        Assert.All(new[] { "0", "16" }, d =>
            AssertRejected(Beta, Body(("duration", d)), 20003, "duration must be 1-15 seconds", "$.duration", ViolationKind.OutOfRange));

    [Fact]
    public void Beta_audio_is_an_unknown_parameter_advisory()
    {
        var violation = Assert.Single(ContractRules.Check(Beta, Body(("audio", "false"))));
        Assert.Equal(ViolationKind.UnknownParameter, violation.Kind);
        Assert.Equal("audio", violation.Parameter);
        Assert.Null(violation.Code);
        Assert.Null(ContractRules.FirstRejection(Beta, Body(("audio", "false"))));
    }

    [Fact]
    public void Beta_empty_prompt_is_not_rejected_because_the_reference_does_not_say() =>
        Assert.Empty(ContractRules.Check(Beta, Body(("prompt", "\"\""))));

    // ---- the analyzer's view: unknown (non-constant) values and single parameters ----

    [Fact]
    public void Unknown_values_count_as_present_and_skip_value_checks()
    {
        var body = new PayloadObject(new[]
        {
            new PayloadProperty("prompt", new PayloadUnknown()),
            new PayloadProperty("image_urls", new PayloadUnknown()),
            new PayloadProperty("duration", new PayloadUnknown()),
        });
        Assert.Empty(ContractRules.Check(Official, body));
    }

    [Fact]
    public void Unknown_array_items_skip_item_checks()
    {
        var body = new PayloadObject(new[]
        {
            new PayloadProperty("prompt", new PayloadString("x")),
            new PayloadProperty("image_urls", new PayloadArray(new PayloadValue[] { new PayloadUnknown() })),
        });
        Assert.Empty(ContractRules.Check(Official, body));
    }

    [Fact]
    public void Check_parameter_checks_one_constant()
    {
        var duration = Official.FindParameter("duration")!;
        var origin = new object();
        var violation = Assert.Single(ContractRules.CheckParameter(Official, duration, new PayloadNumber(2, "2", origin)));
        Assert.Equal((ViolationKind.OutOfRange, 20003, "duration must be 3-15 seconds"), (violation.Kind, violation.Code!.Value, violation.Message));
        Assert.Same(origin, violation.Value!.Origin);
        Assert.Empty(ContractRules.CheckParameter(Official, duration, new PayloadNumber(3)));
        Assert.Empty(ContractRules.CheckParameter(Official, duration, null)); // optional
        Assert.Equal(ViolationKind.Missing, Assert.Single(ContractRules.CheckParameter(Official, Official.FindParameter("prompt")!, null)).Kind);
        Assert.Equal(ViolationKind.WrongType, Assert.Single(ContractRules.CheckParameter(Official, duration, new PayloadString("8"))).Kind);
    }

    [Fact]
    public void Cancellation_propagates()
    {
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<System.OperationCanceledException>(() => ContractRules.Check(Official, Body(), cts.Token));
    }

    [Theory]
    [InlineData("duration", "$.duration")]
    [InlineData("odd name", "$['odd name']")]
    [InlineData("it's", "$['it\\'s']")]
    [InlineData("1st", "$['1st']")]
    public void Paths_are_json_paths(string name, string path) => Assert.Equal(path, ContractRules.PathOf(name));
}
