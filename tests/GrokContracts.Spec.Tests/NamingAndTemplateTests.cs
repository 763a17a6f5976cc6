namespace GrokContracts.Spec.Tests;

public class NamingAndTemplateTests
{
    [Theory]
    [InlineData("grok-imagine-video-1.5-official", "GrokImagineVideo15Official")]
    [InlineData("image_urls", "ImageUrls")]
    [InlineData("aspect_ratio", "AspectRatio")]
    [InlineData("nsfw_checker", "NsfwChecker")]
    [InlineData("already", "Already")]
    [InlineData("camelCase", "CamelCase")]
    [InlineData("480p", "480p")]
    [InlineData("--", "")]
    public void Pascal_case(string name, string expected) => Assert.Equal(expected, ContractNaming.ToPascalCase(name));

    [Theory]
    [InlineData("auto", "Auto")]
    [InlineData("480p", "V480p")]
    [InlineData("16:9", "V169")]
    [InlineData("slow-motion", "SlowMotion")]
    public void Member_names(string value, string expected) => Assert.Equal(expected, ContractNaming.ToMemberName(value));

    [Fact]
    public void Default_namespace() =>
        Assert.Equal("GrokContracts.GrokImagineVideo15Official", ContractNaming.DefaultNamespace("grok-imagine-video-1.5-official"));

    [Theory]
    [InlineData("Prompt", true)]
    [InlineData("_x1", true)]
    [InlineData("Café", true)]
    [InlineData("var", true)]
    [InlineData("class", false)]
    [InlineData("1x", false)]
    [InlineData("a-b", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Identifiers(string? name, bool valid) => Assert.Equal(valid, ContractNaming.IsValidIdentifier(name));

    [Theory]
    [InlineData("My.Company.Video", true)]
    [InlineData("Single", true)]
    [InlineData("My..Video", false)]
    [InlineData("My.int", false)]
    [InlineData(".My", false)]
    public void Dotted_names(string name, bool valid) => Assert.Equal(valid, ContractNaming.IsValidDottedName(name));

    [Fact]
    public void Templates_render_every_placeholder()
    {
        var parameter = new Parameter(
            "duration", "Duration", ParameterType.Number, false, false, null, null,
            EquatableArray.From(new[] { new AllowedValue("a", "A", null), new AllowedValue("b", "B", null) }),
            3.50m, 15.000m, 1, 2, StringFormat.None, "seconds", null, EquatableArray<ErrorRule>.Empty);
        Assert.Equal(
            "duration 3.5 15 1 2 a / b number seconds {other}",
            ErrorTemplates.Render("{name} {minimum} {maximum} {minItems} {maxItems} {allowed} {type} {unit} {other}", parameter));
        Assert.Equal(new[] { "other" }, ErrorTemplates.UnknownPlaceholders("{name} {other} {unit}"));
        Assert.Equal("x is unknown", ErrorTemplates.Render("{name} is unknown", "x"));
        Assert.Equal("{a{b} duration}", ErrorTemplates.Render("{a{b} {name}}", parameter).Replace("{b}", "{b}"));
    }

    [Theory]
    [InlineData("3", "3")]
    [InlineData("3.000", "3")]
    [InlineData("0.0010", "0.001")]
    [InlineData("-12.5", "-12.5")]
    public void Numbers_render_without_trailing_zeros(string value, string expected) =>
        Assert.Equal(expected, ErrorTemplates.FormatNumber(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Numbers_render_invariantly_under_any_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // The tests run in invariant-globalization mode, so build a culture with a decimal comma by hand.
            var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            System.Globalization.CultureInfo.CurrentCulture = comma;
            Assert.Equal("0,5", 0.5m.ToString(System.Globalization.CultureInfo.CurrentCulture));
            Assert.Equal("0.5", ErrorTemplates.FormatNumber(0.5m));
            Assert.Equal(0.001m, SpecFiles.OfficialContract.Pricing!.CreditUsd);
            Assert.True(PayloadJson.TryParse("-1.5", out var number, out _));
            Assert.Equal(-1.5, ((PayloadNumber)number!).Value);
            var range = ContractRules.FirstRejection(SpecFiles.OfficialContract, (PayloadObject)Json("{\"prompt\":\"x\",\"image_urls\":[\"https://a.b/c\"],\"duration\":2.5e0}"));
            Assert.Equal("duration must be a JSON integer", range!.Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    private static PayloadValue Json(string text)
    {
        Assert.True(PayloadJson.TryParse(text, out var value, out _));
        return value!;
    }

    [Fact]
    public void Spec_keys_round_trip()
    {
        foreach (var kind in System.Enum.GetValues<ViolationKind>())
        {
            Assert.True(ErrorTemplates.TryParseSpecKey(ErrorTemplates.ToSpecKey(kind), out var back));
            Assert.Equal(kind, back);
        }

        Assert.False(ErrorTemplates.TryParseSpecKey("Missing", out _));
    }

    [Fact]
    public void Resolution_prefers_the_parameter_override_then_the_contract_rule_then_the_default()
    {
        var contract = SpecFiles.OfficialContract;
        var duration = contract.FindParameter("duration")!;
        Assert.Equal(new ResolvedError(20003, "duration must be 3-15 seconds"), contract.ResolveError(duration, ViolationKind.OutOfRange));
        Assert.Equal(new ResolvedError(20003, "duration must be a JSON integer"), contract.ResolveError(duration, ViolationKind.WrongType));
        var bare = contract with { Errors = EquatableArray<ErrorRule>.Empty };
        Assert.Equal(new ResolvedError(null, "duration must be a JSON integer"), bare.ResolveError(duration, ViolationKind.WrongType));
        Assert.Equal(new ResolvedError(null, "x is not a parameter of this model"), contract.ResolveUnknownParameterError("x"));
    }
}
