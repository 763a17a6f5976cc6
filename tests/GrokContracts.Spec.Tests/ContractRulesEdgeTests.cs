using System;
using System.Linq;

namespace GrokContracts.Spec.Tests;

/// <summary>
/// <see cref="ContractRules"/> beyond the shipped specs (issue 14): parameters with only one bound, only
/// <c>minItems</c>, a <c>format</c> on a plain string, number ranges, advisories before rejections, unknown properties in
/// the first position, hand-built parameters outside the validation order, and JSON paths of odd names. Each test
/// asserts what docs/spec-format.md ("How a payload is checked") promises.
/// </summary>
public class ContractRulesEdgeTests
{
    /// <summary>A contract with one parameter of each shape the shipped specs lack (lines are not asserted).</summary>
    private const string EdgeSpec =
        "specVersion: 1\n" +
        "model: edge-model\n" +
        "summary: Edge cases.\n" +
        "endpoints:\n" +
        "  baseUrl: https://example.com\n" +
        "  submit: { method: POST, path: /submit }\n" +
        "  poll: { method: GET, path: \"/tasks/{id}\" }\n" +
        "errors:\n" +
        "  missing: { code: 21001, message: \"{name} is required\" }\n" +
        "  empty: { code: 21002, message: \"{name} is empty\" }\n" +
        "  type: { code: 21003, message: \"{name} must be a JSON {type}\" }\n" +
        "  minItems: { code: 21004, message: \"{name} has too few entries\" }\n" +
        "  maxItems: { code: 21005, message: \"{name} has too many entries\" }\n" +
        "  range: { code: 21006, message: \"{name} is out of range\" }\n" +
        "  allowed: { code: 21007, message: \"invalid {name} (allowed: {allowed})\" }\n" +
        "  format: { code: 21008, message: \"{name} is not a URL\" }\n" +
        "parameters:\n" +
        "  callback_url:\n" +
        "    type: string\n" +
        "    format: public-http-url\n" +
        "  tags:\n" +
        "    type: array\n" +
        "    items: { type: string }\n" +
        "    minItems: 2\n" +
        "  frames:\n" +
        "    type: array\n" +
        "    items: { type: string }\n" +
        "    maxItems: 2\n" +
        "  seed:\n" +
        "    type: integer\n" +
        "    maximum: 10\n" +
        "    errors: { range: \"{name} must be at most {maximum}\" }\n" +
        "  strength:\n" +
        "    type: number\n" +
        "    minimum: 0.5\n" +
        "  ratio:\n" +
        "    type: number\n" +
        "    minimum: 1.5\n" +
        "    maximum: 1.5\n" +
        "  label:\n" +
        "    type: string\n" +
        "    nonEmpty: true\n";

    private static readonly Contract Edge = SpecFiles.Parse(EdgeSpec);

    private static PayloadObject Json(string text)
    {
        Assert.True(PayloadJson.TryParse(text, out var value, out var error), error?.Message);
        return Assert.IsType<PayloadObject>(value);
    }

    private static string[] Summary(Contract contract, string json) =>
        ContractRules.Check(contract, Json(json)).Select(v => $"{v.Kind} {v.Path} {v.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {v.Message}").ToArray();

    // ---- unknown properties ----

    [Fact]
    public void An_unknown_property_in_the_first_position_is_reported() =>
        Assert.Equal(new[] { "UnknownParameter $.mode - mode is not a parameter of this model" }, Summary(Edge, "{\"mode\":\"fast\",\"seed\":1}"));

    [Fact]
    public void The_only_property_of_a_body_is_reported_when_unknown() =>
        Assert.Equal(new[] { "UnknownParameter $.x - x is not a parameter of this model" }, Summary(Edge, "{\"x\":1}"));

    [Fact]
    public void A_repeated_unknown_property_is_reported_once_with_the_value_that_counts()
    {
        var violations = ContractRules.Check(Edge, Json("{\"mode\":1,\"seed\":2,\"mode\":\"last\"}"));
        var violation = Assert.Single(violations);
        Assert.Equal((ViolationKind.UnknownParameter, "mode", "$.mode"), (violation.Kind, violation.Parameter, violation.Path));
        Assert.Equal("last", Assert.IsType<PayloadString>(violation.Value).Value);
    }

    [Fact]
    public void Unknown_properties_come_after_the_value_checks_in_payload_order_of_the_occurrence_that_counts() =>
        Assert.Equal(
            new[] { "WrongType $.seed 21003 seed must be a JSON integer", "UnknownParameter $.a - a is not a parameter of this model", "UnknownParameter $.b - b is not a parameter of this model" },
            Summary(Edge, "{\"b\":1,\"seed\":\"x\",\"a\":2,\"b\":3}").ToArray());

    [Fact]
    public void Model_is_never_unknown() => Assert.Empty(Summary(Edge, "{\"model\":42}"));

    // ---- format of a plain string parameter ----

    [Theory]
    [InlineData("\"ftp://example.com/x\"")]
    [InlineData("\"data:text/plain,hi\"")]
    [InlineData("\"/relative\"")]
    [InlineData("\"\"")]
    public void A_string_parameter_with_a_format_rejects_a_bad_value(string json) =>
        Assert.Equal(new[] { "BadFormat $.callback_url 21008 callback_url is not a URL" }, Summary(Edge, "{\"callback_url\":" + json + "}"));

    [Fact]
    public void A_string_parameter_with_a_format_accepts_a_good_value() =>
        Assert.Empty(Summary(Edge, "{\"callback_url\":\"https://example.com/hook\"}"));

    [Fact]
    public void A_wrongly_typed_format_parameter_gets_no_format_check() =>
        Assert.Equal(new[] { "WrongType $.callback_url 21003 callback_url must be a JSON string" }, Summary(Edge, "{\"callback_url\":42}"));

    [Fact]
    public void A_non_string_array_item_gets_a_type_violation_but_no_format_violation()
    {
        var images = SpecFiles.OfficialContract.FindParameter("image_urls")!;
        var violations = ContractRules.CheckParameter(SpecFiles.OfficialContract, images, new PayloadArray(new PayloadValue[] { new PayloadNumber(1) }));
        Assert.Equal(new[] { (ViolationKind.WrongType, "$.image_urls[0]") }, violations.Select(v => (v.Kind, v.Path)));
    }

    // ---- item counts with one bound ----

    [Theory]
    [InlineData("[]", true)]
    [InlineData("[\"a\"]", true)]
    [InlineData("[\"a\",\"b\"]", false)]
    [InlineData("[\"a\",\"b\",\"c\",\"d\",\"e\"]", false)]
    public void Only_min_items(string array, bool tooFew) =>
        Assert.Equal(tooFew ? new[] { "TooFewItems $.tags 21004 tags has too few entries" } : Array.Empty<string>(), Summary(Edge, "{\"tags\":" + array + "}"));

    [Theory]
    [InlineData("[]", false)]
    [InlineData("[\"a\",\"b\"]", false)]
    [InlineData("[\"a\",\"b\",\"c\"]", true)]
    public void Only_max_items(string array, bool tooMany) =>
        Assert.Equal(tooMany ? new[] { "TooManyItems $.frames 21005 frames has too many entries" } : Array.Empty<string>(), Summary(Edge, "{\"frames\":" + array + "}"));

    // ---- ranges with one bound, equal bounds, decimals ----

    [Theory]
    [InlineData("-1000000", false)]
    [InlineData("10", false)]
    [InlineData("10.0", false)]
    [InlineData("11", true)]
    [InlineData("1e300", true)]
    public void Only_maximum(string number, bool outOfRange) =>
        Assert.Equal(outOfRange ? new[] { "OutOfRange $.seed 21006 seed must be at most 10" } : Array.Empty<string>(), Summary(Edge, "{\"seed\":" + number + "}"));

    [Theory]
    [InlineData("0.5", false)]
    [InlineData("1e9", false)]
    [InlineData("0.49", true)]
    [InlineData("-1e400", true)]
    public void Only_minimum(string number, bool outOfRange) =>
        Assert.Equal(outOfRange ? new[] { "OutOfRange $.strength 21006 strength is out of range" } : Array.Empty<string>(), Summary(Edge, "{\"strength\":" + number + "}"));

    [Theory]
    [InlineData("1.5", false)]
    [InlineData("15e-1", false)]
    [InlineData("1.50001", true)]
    [InlineData("1.49999", true)]
    public void Minimum_equal_to_maximum_accepts_exactly_that_value(string number, bool outOfRange) =>
        Assert.Equal(outOfRange ? 1 : 0, Summary(Edge, "{\"ratio\":" + number + "}").Length);

    [Fact]
    public void A_fractional_value_of_an_integer_parameter_is_a_type_violation_only() =>
        Assert.Equal(new[] { "WrongType $.seed 21003 seed must be a JSON integer" }, Summary(Edge, "{\"seed\":20.5}"));

    [Fact]
    public void Not_a_number_is_outside_every_range()
    {
        var strength = Edge.FindParameter("strength")!;
        var violation = Assert.Single(ContractRules.CheckParameter(Edge, strength, new PayloadNumber(double.NaN)));
        Assert.Equal(ViolationKind.OutOfRange, violation.Kind);
    }

    [Fact]
    public void A_number_parameter_without_bounds_accepts_infinity()
    {
        var open = Edge.FindParameter("strength")! with { Name = "open", Minimum = null };
        Assert.Empty(ContractRules.CheckParameter(Edge, open, new PayloadNumber(double.PositiveInfinity)));
    }

    // ---- nonEmpty without required ----

    [Fact]
    public void Non_empty_without_required_rejects_empty_and_accepts_absent()
    {
        Assert.Equal(new[] { "Empty $.label 21002 label is empty" }, Summary(Edge, "{\"label\":\"\"}"));
        Assert.Empty(Summary(Edge, "{\"label\":\" \"}"));
        Assert.Empty(Summary(Edge, "{}"));
        Assert.Empty(Summary(Edge, "{\"label\":null}"));
    }

    // ---- advisories (no code) are skipped by FirstRejection ----

    [Fact]
    public void First_rejection_skips_a_violation_without_a_code()
    {
        var advisoryRange = SpecFiles.Parse(EdgeSpec
            .Replace("  range: { code: 21006, message: \"{name} is out of range\" }\n", "  range: { message: \"{name} looks odd\" }\n", StringComparison.Ordinal)
            .Replace("    errors: { range: \"{name} must be at most {maximum}\" }\n", string.Empty, StringComparison.Ordinal));
        var body = Json("{\"label\":\"\",\"strength\":0}");
        var all = ContractRules.Check(advisoryRange, body);
        Assert.Equal(new[] { ViolationKind.OutOfRange, ViolationKind.Empty }, all.Select(v => v.Kind));
        Assert.False(all[0].IsRejected);
        var first = ContractRules.FirstRejection(advisoryRange, body);
        Assert.Equal((ViolationKind.Empty, 21002), (first!.Kind, first.Code));
        Assert.Null(ContractRules.FirstRejection(advisoryRange, Json("{\"strength\":0}")));
    }

    // ---- CheckParameter: the validation order, and the canonical order for a parameter outside it ----

    [Fact]
    public void Check_parameter_follows_the_contract_order()
    {
        // image_urls.items comes before image_urls.format in the official order; type comes after both (unlisted).
        var images = SpecFiles.OfficialContract.FindParameter("image_urls")!;
        var value = new PayloadArray(new PayloadValue[] { new PayloadString("ftp://a"), new PayloadNumber(1) });
        Assert.Equal(
            new[] { "TooManyItems $.image_urls", "BadFormat $.image_urls[0]", "WrongType $.image_urls[1]" },
            ContractRules.CheckParameter(SpecFiles.OfficialContract, images, value).Select(v => v.Kind + " " + v.Path));
    }

    [Fact]
    public void A_parameter_outside_the_order_runs_every_applicable_check_in_canonical_order()
    {
        // Not declared in the contract: the fallback runs required, type, items, range, allowed, format in that order.
        var handBuilt = Edge.FindParameter("tags")! with
        {
            Name = "extra",
            Required = true,
            MinItems = 2,
            MaxItems = 2,
            Format = StringFormat.PublicHttpUrl,
        };
        var value = new PayloadArray(new PayloadValue[] { new PayloadString("ftp://a"), new PayloadNumber(2), new PayloadString("https://a.b/c") });
        Assert.Equal(
            new[] { "WrongType $.extra[1] 21003", "TooManyItems $.extra 21005", "BadFormat $.extra[0] 21008" },
            ContractRules.CheckParameter(Edge, handBuilt, value).Select(v => $"{v.Kind} {v.Path} {v.Code}"));
        Assert.Equal(new[] { ViolationKind.Missing }, ContractRules.CheckParameter(Edge, handBuilt, null).Select(v => v.Kind));
        Assert.Equal(new[] { ViolationKind.TooFewItems }, ContractRules.CheckParameter(Edge, handBuilt, new PayloadArray(Array.Empty<PayloadValue>())).Select(v => v.Kind));
    }

    [Fact]
    public void A_hand_built_string_parameter_outside_the_order_checks_empty_values_and_format()
    {
        var handBuilt = Edge.FindParameter("callback_url")! with { Name = "hook", NonEmpty = true };
        Assert.Equal(new[] { ViolationKind.Empty, ViolationKind.BadFormat }, ContractRules.CheckParameter(Edge, handBuilt, new PayloadString("")).Select(v => v.Kind));
        Assert.Empty(ContractRules.CheckParameter(Edge, handBuilt, null));
        var withValues = handBuilt with { Format = StringFormat.None, AllowedValues = EquatableArray.From(new[] { new AllowedValue("a", "A", null) }) };
        Assert.Equal(new[] { ViolationKind.NotAllowed }, ContractRules.CheckParameter(Edge, withValues, new PayloadString("b")).Select(v => v.Kind));
        var withRange = Edge.FindParameter("seed")! with { Name = "level", Minimum = 1 };
        Assert.Equal(new[] { ViolationKind.OutOfRange }, ContractRules.CheckParameter(Edge, withRange, new PayloadNumber(0)).Select(v => v.Kind));
        Assert.Equal(new[] { ViolationKind.WrongType }, ContractRules.CheckParameter(Edge, withRange, new PayloadBoolean(true)).Select(v => v.Kind));
    }

    [Fact]
    public void Is_applicable_says_which_checks_a_parameter_has()
    {
        string Applicable(Parameter p) =>
            string.Join(",", Enum.GetValues<ValidationCheck>().Where(c => ContractRules.IsApplicable(p, c)));

        Assert.Equal("Type,Format", Applicable(Edge.FindParameter("callback_url")!));
        Assert.Equal("Type,Items", Applicable(Edge.FindParameter("tags")!));
        Assert.Equal("Type,Items", Applicable(Edge.FindParameter("frames")!));
        Assert.Equal("Type,Range", Applicable(Edge.FindParameter("seed")!));
        Assert.Equal("Type,Range", Applicable(Edge.FindParameter("strength")!));
        Assert.Equal("Required,Type", Applicable(Edge.FindParameter("label")!));
        var official = SpecFiles.OfficialContract;
        Assert.Equal("Required,Type", Applicable(official.FindParameter("prompt")!));
        Assert.Equal("Required,Type,Items,Format", Applicable(official.FindParameter("image_urls")!));
        Assert.Equal("Type,Allowed", Applicable(official.FindParameter("resolution")!));
        Assert.Equal("Type", Applicable(official.FindParameter("audio")!));
        // Item bounds on a non-array (only a hand-built parameter can have them) are not an items check.
        Assert.Equal("Type", Applicable(official.FindParameter("audio")! with { MinItems = 1, MaxItems = 1 }));
        Assert.False(ContractRules.IsApplicable(official.FindParameter("audio")!, (ValidationCheck)99));
    }

    [Fact]
    public void The_parsed_order_holds_every_applicable_check_exactly_once()
    {
        foreach (var contract in new[] { Edge, SpecFiles.OfficialContract, SpecFiles.BetaContract })
        {
            var expected = contract.Parameters.SelectMany(p => Enum.GetValues<ValidationCheck>().Where(c => ContractRules.IsApplicable(p, c)).Select(c => p.Name + "." + c));
            Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), contract.ValidationOrder.Select(s => s.Parameter + "." + s.Check).OrderBy(s => s, StringComparer.Ordinal));
        }
    }

    // ---- a wrongly typed value gets no further checks, whatever the order holds ----

    [Fact]
    public void A_wrongly_typed_value_gets_no_value_checks_even_from_a_hand_built_order()
    {
        // Only a hand-built contract can list checks of the wrong shape; the rules still skip them for a mistyped value.
        var odd = Edge.FindParameter("seed")! with
        {
            MinItems = 1,
            AllowedValues = EquatableArray.From(new[] { new AllowedValue("a", "A", null) }),
            Format = StringFormat.PublicHttpUrl,
        };
        var contract = Edge with
        {
            Parameters = EquatableArray.From(new[] { odd }),
            ValidationOrder = EquatableArray.From(Enum.GetValues<ValidationCheck>().Select(c => new ValidationStep("seed", c)).ToArray()),
        };
        Assert.Equal(new[] { ViolationKind.WrongType }, ContractRules.Check(contract, Json("{\"seed\":[]}")).Select(v => v.Kind));
        Assert.Equal(new[] { ViolationKind.WrongType }, ContractRules.Check(contract, Json("{\"seed\":\"ftp://x\"}")).Select(v => v.Kind));
        var text = Edge.FindParameter("label")! with { Minimum = 1 };
        var textContract = contract with
        {
            Parameters = EquatableArray.From(new[] { text }),
            ValidationOrder = EquatableArray.From(new[] { new ValidationStep("label", ValidationCheck.Range), new ValidationStep("label", ValidationCheck.Type) }),
        };
        Assert.Equal(new[] { ViolationKind.WrongType }, ContractRules.Check(textContract, Json("{\"label\":0}")).Select(v => v.Kind));
    }

    [Fact]
    public void A_format_step_of_a_parameter_without_a_format_accepts_any_string()
    {
        var contract = Edge with { ValidationOrder = EquatableArray.From(new[] { new ValidationStep("label", ValidationCheck.Format) }) };
        Assert.Empty(ContractRules.Check(contract, Json("{\"label\":\"ftp://not-a-url\"}")));
    }

    [Fact]
    public void A_step_naming_an_undeclared_parameter_is_ignored()
    {
        var contract = Edge with { ValidationOrder = EquatableArray.From(new[] { new ValidationStep("ghost", ValidationCheck.Required) }) };
        Assert.Empty(ContractRules.Check(contract, Json("{}")));
    }

    // ---- HasType ----

    [Fact]
    public void Has_type_matches_json_types_exactly()
    {
        var values = new PayloadValue[]
        {
            new PayloadString("8"), new PayloadNumber(8), new PayloadNumber(8.5), new PayloadBoolean(true), new PayloadArray(Array.Empty<PayloadValue>()),
            new PayloadObject(Array.Empty<PayloadProperty>()), new PayloadNull(), new PayloadUnknown(),
        };
        string Row(ParameterType type) => string.Concat(values.Select(v => ContractRules.HasType(type, v) ? "1" : "0"));

        Assert.Equal("10000001", Row(ParameterType.String));
        Assert.Equal("01000001", Row(ParameterType.Integer));
        Assert.Equal("01100001", Row(ParameterType.Number));
        Assert.Equal("00010001", Row(ParameterType.Boolean));
        Assert.Equal("00001001", Row(ParameterType.StringArray));
    }

    // ---- argument checks ----

    [Fact]
    public void Null_arguments_throw()
    {
        var official = SpecFiles.OfficialContract;
        var empty = new PayloadObject(Array.Empty<PayloadProperty>());
        Assert.Equal("contract", Assert.Throws<ArgumentNullException>(() => ContractRules.Check(null!, empty)).ParamName);
        Assert.Equal("payload", Assert.Throws<ArgumentNullException>(() => ContractRules.Check(official, null!)).ParamName);
        Assert.Equal("contract", Assert.Throws<ArgumentNullException>(() => ContractRules.CheckParameter(null!, official.Parameters[0], null)).ParamName);
        Assert.Equal("parameter", Assert.Throws<ArgumentNullException>(() => ContractRules.CheckParameter(official, null!, null)).ParamName);
        Assert.Equal("parameter", Assert.Throws<ArgumentNullException>(() => ContractRules.IsApplicable(null!, ValidationCheck.Type)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => ContractRules.HasType(ParameterType.String, null!)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => ContractRules.PathOf(null!)).ParamName);
    }

    // ---- JSON paths ----

    [Theory]
    [InlineData("Duration", "$.Duration")]
    [InlineData("AZaz09_", "$.AZaz09_")]
    [InlineData("_x", "$._x")]
    [InlineData("x9", "$.x9")]
    [InlineData("zZ", "$.zZ")]
    [InlineData("", "$['']")]
    [InlineData("9", "$['9']")]
    [InlineData("0a", "$['0a']")]
    [InlineData("a\\b", "$['a\\\\b']")]
    [InlineData("a'b\\", "$['a\\'b\\\\']")]
    [InlineData("a`", "$['a`']")]
    [InlineData("a{", "$['a{']")]
    [InlineData("a@", "$['a@']")]
    [InlineData("a[", "$['a[']")]
    [InlineData("a/", "$['a/']")]
    [InlineData("a:", "$['a:']")]
    [InlineData("a-b", "$['a-b']")]
    [InlineData("a.b", "$['a.b']")]
    [InlineData("caf\u00e9", "$['caf\u00e9']")]
    [InlineData("\u0661", "$['\u0661']")]
    public void Json_paths_of_odd_names(string name, string path) => Assert.Equal(path, ContractRules.PathOf(name));

    [Fact]
    public void An_unknown_property_with_an_odd_name_gets_a_bracket_path() =>
        Assert.Equal("$['Bad Name']", Assert.Single(ContractRules.Check(Edge, Json("{\"Bad Name\":1}"))).Path);
}
