namespace GrokContracts.Spec.Tests;

/// <summary>GRK102: each part is well-formed but the spec contradicts itself or cannot become valid C#.</summary>
public class ParserConsistencyTests
{
    private const string Duration = "  duration:\n    type: integer\n    minimum: 3\n    maximum: 15\n"; // lines 15-18

    private const string Resolution = "  resolution:\n    type: string\n    values: [480p, 720p]\n"; // lines 15-17

    [Fact]
    public void Default_above_maximum() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append(Duration + "    default: 16\n"), "GRK102", 19, 14);

    [Fact]
    public void Default_below_minimum() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append(Duration + "    default: 2\n"), "GRK102", 19, 14);

    [Fact]
    public void Default_at_the_bounds_is_fine()
    {
        SpecFiles.Parse(DiagnosticAssert.Append(Duration + "    default: 3\n"));
        SpecFiles.Parse(DiagnosticAssert.Append(Duration + "    default: 15\n"));
    }

    [Fact]
    public void Default_not_among_values() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append(Resolution + "    default: 1080p\n"), "GRK102", 18, 14);

    [Fact]
    public void Default_values_are_case_sensitive() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append(Resolution + "    default: 480P\n"), "GRK102", 18, 14);

    [Theory]
    [InlineData("\"8\"")]
    [InlineData("8.5")]
    [InlineData("true")]
    public void Default_of_the_wrong_type_for_an_integer(string value) =>
        DiagnosticAssert.Single(DiagnosticAssert.Append(Duration + "    default: " + value + "\n"), "GRK102", 19, 14);

    [Fact]
    public void Default_number_for_a_string() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("    default: 8\n"), "GRK102", 15, 14);

    [Fact]
    public void Minimum_greater_than_maximum() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  duration:\n    type: integer\n    minimum: 15\n    maximum: 3\n"), "GRK102", 17, 14);

    [Fact]
    public void Fractional_bound_of_an_integer() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  duration:\n    type: integer\n    minimum: 2.5\n    maximum: 9\n"), "GRK102", 17, 14);

    [Fact]
    public void Min_items_greater_than_max_items() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  images:\n    type: array\n    minItems: 2\n    maxItems: 1\n"), "GRK102", 17, 15);

    [Fact]
    public void Minimum_on_a_string() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("    minimum: 1\n"), "GRK102", 15, 14);

    [Fact]
    public void Values_on_a_non_string() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  seed:\n    type: integer\n    values: [a]\n"), "GRK102", 17, 5);

    [Fact]
    public void Format_on_a_non_string() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  seed:\n    type: integer\n    format: public-http-url\n"), "GRK102", 17, 13);

    [Fact]
    public void Format_on_an_array_says_to_use_items()
    {
        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Append("  images:\n    type: array\n    format: public-http-url\n"), "GRK102", 17, 13);
        Assert.Contains("items", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Non_empty_on_a_non_string() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  seed:\n    type: integer\n    nonEmpty: true\n"), "GRK102", 17, 15);

    [Theory]
    [InlineData("name: 1abc", 18, 27)]
    [InlineData("name: class", 18, 27)]
    [InlineData("name: Two Words", 18, 27)]
    public void Invalid_enum_member_name(string name, int line, int column) =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  size:\n    type: string\n    values:\n      - { value: a, " + name + " }\n"), "GRK102", line, column);

    [Fact]
    public void Two_values_deriving_the_same_member_name()
    {
        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Append("  mode:\n    type: string\n    values: [fast-mode, fast_mode]\n"), "GRK102", 17, 25);
        Assert.Contains("FastMode", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Value_without_letters_or_digits_needs_a_name() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  mode:\n    type: string\n    values: [\"--\"]\n"), "GRK102", 17, 14);

    [Fact]
    public void Duplicate_value() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  mode:\n    type: string\n    values: [a, b, a]\n"), "GRK102", 17, 20);

    [Fact]
    public void Csharp_name_keyword() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("    csharpName: string\n"), "GRK102", 15, 17);

    [Fact]
    public void Enum_name_invalid() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append(Resolution + "    enum: my-enum\n"), "GRK102", 18, 11);

    [Fact]
    public void Enum_without_values() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("    enum: Prompt\n"), "GRK102", 15, 11);

    [Theory]
    [InlineData("namespace: My..Space", 1, 12)]
    [InlineData("namespace: My.class.Space", 1, 12)]
    [InlineData("requestType: 2Request", 1, 14)]
    [InlineData("requestType: object", 1, 14)]
    public void Invalid_csharp_names_at_top_level(string line, int lineNumber, int column) =>
        DiagnosticAssert.Single(line + "\n" + Minimal.Spec, "GRK102", lineNumber, column);

    [Fact]
    public void Two_parameters_with_the_same_property_name() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  image_url:\n    type: string\n  imageUrl:\n    type: string\n"), "GRK102", 17, 3);

    [Fact]
    public void Property_named_like_the_request_type() =>
        DiagnosticAssert.Single("requestType: Prompt\n" + Minimal.Spec, "GRK102", 13, 3);

    [Fact]
    public void Explicit_csharp_name_resolves_a_clash()
    {
        var contract = SpecFiles.Parse(DiagnosticAssert.Append("  image_url:\n    type: string\n  imageUrl:\n    type: string\n    csharpName: ImageLink\n"));
        Assert.Equal("ImageLink", contract.FindParameter("imageUrl")!.PropertyName);
    }

    [Fact]
    public void Two_enums_with_the_same_name() =>
        DiagnosticAssert.Single(
            DiagnosticAssert.Append(Resolution + "    enum: Size\n  size:\n    type: string\n    values: [a]\n"),
            "GRK102", 21, 5);

    [Fact]
    public void Validation_order_names_an_unknown_parameter() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("validation:\n  order:\n    - prompt.required\n    - duraton.range\n"), "GRK102", 18, 7);

    [Fact]
    public void Validation_order_names_a_check_that_does_not_apply() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("validation:\n  order:\n    - prompt.range\n"), "GRK102", 17, 7);

    [Fact]
    public void Validation_step_listed_twice() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("validation:\n  order: [prompt.type, prompt.type]\n"), "GRK102", 16, 24);

    [Fact]
    public void Parameter_error_for_a_kind_without_a_code_is_an_unknown_error_code_reference()
    {
        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Append("    errors:\n      type: \"{name} must be text\"\n"), "GRK102", 16, 13);
        Assert.Contains("unknown error code reference", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_error_with_its_own_code_is_fine()
    {
        var contract = SpecFiles.Parse(DiagnosticAssert.Append("    errors:\n      type: { code: 20009, message: \"{name} must be text\" }\n"));
        var resolved = contract.ResolveError(contract.FindParameter("prompt")!, ViolationKind.WrongType);
        Assert.Equal(new ResolvedError(20009, "prompt must be text"), resolved);
    }

    [Fact]
    public void Parameter_error_that_can_never_apply() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("    errors:\n      range: \"{name} out of range\"\n"), "GRK102", 16, 14);

    [Fact]
    public void Unknown_placeholder_in_a_contract_wide_template() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("\"{name} is required\"", "\"{nam} is required\""), "GRK102", 9, 36);

    [Fact]
    public void Unknown_placeholder_in_a_parameter_template() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append(Duration + "    errors:\n      range: \"{name} must be {min}-{maximum}\"\n"), "GRK102", 20, 14);

    [Fact]
    public void Placeholder_without_a_value_for_the_parameter() =>
        // The contract-wide range template uses {maximum}; this parameter has only a minimum.
        DiagnosticAssert.Single(DiagnosticAssert.Append("  duration:\n    type: integer\n    minimum: 3\n"), "GRK102", 10, 34);

    [Fact]
    public void Unknown_parameter_template_can_only_use_the_name() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("errors:\n", "errors:\n  unknown: { message: \"{name} has no {minimum}\" }\n"), "GRK102", 9, 23);

    [Fact]
    public void Error_code_that_is_not_five_digits() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("code: 20002", "code: 400"), "GRK102", 9, 20);

    [Fact]
    public void Pricing_names_an_unknown_parameter() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append(Duration + "pricing:\n  per: duraton\n  creditUsd: 0.001\n"), "GRK102", 20, 8);

    [Fact]
    public void Pricing_multiplier_names_an_unknown_value() =>
        DiagnosticAssert.Single(
            DiagnosticAssert.Append(Duration + Resolution.Replace("  resolution", "  resolution") + "pricing:\n  per: duration\n  creditUsd: 0.001\n  multipliers:\n    resolution: { 480p: 1, 1080p: 3 }\n"),
            "GRK102", 26, 28);

    [Fact]
    public void Pricing_multiplier_names_an_unknown_parameter() =>
        DiagnosticAssert.Single(
            DiagnosticAssert.Append(Duration + "pricing:\n  per: duration\n  creditUsd: 0.001\n  multipliers:\n    quality: { high: 2 }\n"),
            "GRK102", 23, 5);

    [Fact]
    public void Pixel_size_names_an_unknown_value() =>
        DiagnosticAssert.Single(
            DiagnosticAssert.Append(Resolution + "  aspect:\n    type: string\n    values: [\"1:1\"]\noutput:\n  pixelSize:\n    rows: aspect\n    columns: resolution\n    sizes:\n      \"1:1\": { 480p: 544x544, 1080p: 1x1 }\n"),
            "GRK102", 26, 31);

    [Fact]
    public void Pixel_size_names_an_unknown_parameter() =>
        DiagnosticAssert.Single(
            DiagnosticAssert.Append(Resolution + "output:\n  pixelSize:\n    rows: aspect\n    columns: resolution\n    sizes: {}\n"),
            "GRK102", 20, 11);

    [Theory]
    [InlineData("Test-Model")]
    [InlineData("-test")]
    [InlineData("test model")]
    [InlineData("tést")]
    public void Model_id_must_match_the_pattern(string id)
    {
        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Replace("model: test-model", "model: \"" + id + "\""), "GRK102", 2, 8);
        Assert.Contains("^[a-z0-9][a-z0-9._-]*$", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Model_declared_as_a_parameter() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  model:\n    type: string\n"), "GRK102", 15, 3);

    [Fact]
    public void Polling_phase_order_is_checked() =>
        DiagnosticAssert.Exactly(
            DiagnosticAssert.Append("polling:\n  timeout: PT48H\n  phases:\n    - { until: PT1H, every: PT5S, backoff: gradual }\n    - { until: PT5M, every: PT1M }\n"),
            "GRK102@18:44",  // gradual in the first phase
            "GRK102@19:9",   // the last phase has an end
            "GRK102@19:16"); // and it is earlier than the previous one

    [Fact]
    public void Base_url_must_be_absolute_http() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("baseUrl: https://example.com", "baseUrl: example.com"), "GRK102", 5, 12);

    [Fact]
    public void Diagnostics_of_all_kinds_come_in_file_order() =>
        DiagnosticAssert.Exactly(
            DiagnosticAssert.Replace("model: test-model", "model: Test")
                .Replace("type: string", "type: strin")
                + Duration + "    default: 99\nvalidation:\n  order: [nope]\n",
            "GRK102@2:8",
            "GRK101@13:11",
            "GRK102@19:14",
            "GRK102@21:11");
}
