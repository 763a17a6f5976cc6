using System;
using System.Linq;

namespace GrokContracts.Spec.Tests;

/// <summary>
/// The <c>parameters</c> section (issue 14): every diagnostic of <c>SpecParser.Parameters.cs</c> with its id, position
/// and full message, the boundaries docs/spec-format.md allows (<c>minItems: 0</c>, <c>minimum == maximum</c>, a string
/// default without values), and what the model keeps of each key.
/// </summary>
public class SpecParserParametersTests
{
    /// <summary>Every diagnostic of the minimal spec with <paramref name="appended"/>, as "GRK1xx@line:column message".</summary>
    private static string Diagnostics(string text) =>
        string.Join("\n", ContractParser.Parse(text, "spec.yaml").Diagnostics.Select(d => $"{d.Id}@{d.Start.Line}:{d.Start.Column} {d.Message}"));

    private static Parameter Parsed(string appended, string name) => SpecFiles.Parse(DiagnosticAssert.Append(appended)).FindParameter(name)!;

    // Appended text starts at line 15; the minimal spec's own parameter 'prompt' is at line 12 (its keys at column 5).
    public static TheoryData<string, string> Broken => new()
    {
        { "  seed:\n    type: integer\n    nonEmpty: true\n", "GRK102@17:15 'parameters.seed.nonEmpty' applies to string parameters only; 'seed' is integer" },
        { "  seed:\n    type: integer\n    format: public-http-url\n", "GRK102@17:13 'parameters.seed.format' applies to string parameters only" },
        { "  images:\n    type: array\n    items: { type: string }\n    format: public-http-url\n", "GRK102@18:13 'parameters.images.format' applies to string parameters only; for an array put it under 'items'" },
        { "  seed:\n    type: string\n    items: { type: string }\n", "GRK102@17:5 'parameters.seed.items' applies to array parameters only" },
        { "  seed:\n    type: integer\n    values: [a]\n", "GRK102@17:5 'parameters.seed.values' applies to string parameters only" },
        { "  mode:\n    type: string\n    values: []\n", "GRK102@17:13 'parameters.mode.values' must list at least one value" },
        { "  mode:\n    type: string\n    values: [a, 480]\n", "GRK101@17:17 'parameters.mode.values[1]' must be a string, not a number (480); quote it" },
        { "  mode:\n    type: string\n    values:\n      - { value: true }\n", "GRK101@18:18 'parameters.mode.values[0].value' must be a string, not a boolean (true); quote it" },
        { "  mode:\n    type: string\n    values:\n      - { value: a, name: 1abc }\n", "GRK102@18:27 'parameters.mode.values[0].name' '1abc' is not a valid C# identifier" },
        { "  mode:\n    type: string\n    values: [a, b, a]\n", "GRK102@17:20 value 'a' is listed twice in 'parameters.mode.values'" },
        { "  mode:\n    type: string\n    values: [\"--\"]\n", "GRK102@17:14 cannot derive a C# member name from value '--'; add 'name:'" },
        { "  mode:\n    type: string\n    values: [fast-mode, fast_mode]\n", "GRK102@17:25 values 'fast-mode' and 'fast_mode' of 'parameters.mode.values' both get the C# member name 'FastMode'; give one a different 'name:'" },
        { "  mode:\n    type: string\n    values:\n      - { value: a, name: Same }\n      - { value: b, name: Same }\n", "GRK102@19:27 values 'a' and 'b' of 'parameters.mode.values' both get the C# member name 'Same'; give one a different 'name:'" },
        { "    enum: Prompt\n", "GRK102@15:11 'parameters.prompt.enum' needs 'values' to name" },
        { "  mode:\n    type: string\n    values: [a]\n    enum: my-enum\n", "GRK102@18:11 'parameters.mode.enum' 'my-enum' is not a valid C# identifier" },
        { "  _:\n    type: string\n    csharpName: Under\n    values: [a]\n", "GRK102@18:5 cannot derive a C# enum name from '_'; add 'enum:'" },
        { "    csharpName: string\n", "GRK102@15:17 'parameters.prompt.csharpName' 'string' is not a valid C# identifier" },
        { "  _:\n    type: string\n", "GRK102@15:3 cannot derive a C# property name from '_'; add 'csharpName:'" },
        { "    minimum: 1\n    maximum: 2\n", "GRK102@15:14 'parameters.prompt.minimum' applies to integer and number parameters only\nGRK102@16:14 'parameters.prompt.maximum' applies to integer and number parameters only" },
        { "    maximum: 2\n", "GRK102@15:14 'parameters.prompt.maximum' applies to integer and number parameters only" },
        { "  seed:\n    type: integer\n    minimum: 2.5\n    maximum: 9.5\n", "GRK102@17:14 'parameters.seed.minimum' of an integer parameter must be an integer, not 2.5\nGRK102@18:14 'parameters.seed.maximum' of an integer parameter must be an integer, not 9.5" },
        { "  seed:\n    type: integer\n    minimum: 15\n    maximum: 3\n", "GRK102@17:14 'parameters.seed.minimum' (15) is greater than 'maximum' (3)" },
        { "  seed:\n    type: number\n    minimum: 0.75\n    maximum: 0.5\n", "GRK102@17:14 'parameters.seed.minimum' (0.75) is greater than 'maximum' (0.5)" },
        { "    minItems: 1\n    maxItems: 2\n", "GRK102@15:15 'parameters.prompt.minItems' applies to array parameters only\nGRK102@16:15 'parameters.prompt.maxItems' applies to array parameters only" },
        { "    maxItems: 2\n", "GRK102@15:15 'parameters.prompt.maxItems' applies to array parameters only" },
        { "  images:\n    type: array\n    items: { type: string }\n    minItems: 2\n    maxItems: 1\n", "GRK102@18:15 'parameters.images.minItems' (2) is greater than 'maxItems' (1)" },
        { "    default: [a]\n", "GRK101@15:14 'parameters.prompt.default' must be a scalar, not a sequence" },
        { "  seed:\n    type: integer\n    default: \"8\"\n", "GRK102@17:14 'parameters.seed.default' '8' has the wrong type; expected an integer" },
        { "  seed:\n    type: integer\n    default: 8.5\n", "GRK102@17:14 'parameters.seed.default' a number (8.5) has the wrong type; expected an integer" },
        { "  seed:\n    type: number\n    default: true\n", "GRK102@17:14 'parameters.seed.default' a boolean (true) has the wrong type; expected a number" },
        { "  audio:\n    type: boolean\n    default: \"yes\"\n", "GRK102@17:14 'parameters.audio.default' 'yes' has the wrong type; expected a boolean" },
        { "    default: 8\n", "GRK102@15:14 'parameters.prompt.default' a number (8) has the wrong type; expected a string" },
        { "  images:\n    type: array\n    items: { type: string }\n    default: x\n", "GRK102@18:14 'parameters.images.default' 'x' has the wrong type; expected nothing: array parameters cannot have a default" },
        { "  seed:\n    type: integer\n    minimum: 3\n    maximum: 15\n    default: 16\n", "GRK102@19:14 'parameters.seed.default' 16 is outside [3, 15]" },
        { "  seed:\n    type: integer\n    maximum: 15\n    default: 16\n    errors: { range: \"{name} is off\" }\n", "GRK102@18:14 'parameters.seed.default' 16 is outside […, 15]" },
        { "  seed:\n    type: number\n    minimum: 0.5\n    default: 0.25\n    errors: { range: \"{name} is off\" }\n", "GRK102@18:14 'parameters.seed.default' 0.25 is outside [0.5, …]" },
        { "  resolution:\n    type: string\n    values: [480p, 720p]\n    default: 1080p\n", "GRK102@18:14 'parameters.resolution.default' '1080p' is not one of the allowed values (480p / 720p)" },
        { "    errors:\n      rnage: \"x\"\n", "GRK101@16:7 unknown key 'rnage' in 'parameters.prompt.errors'; allowed keys: missing, empty, type, minItems, maxItems, range, allowed, format, unknown" },
        { "    errors:\n      unknown: \"x\"\n", "GRK102@16:7 'parameters.prompt.errors.unknown' cannot apply to a declared parameter; set it in the top-level 'errors'" },
        { "    errors:\n      missing: ~\n", "GRK101@16:16 'parameters.prompt.errors.missing' must give a message (and optionally a code)" },
        { "    errors:\n      missing: { doc: why }\n", "GRK101@16:16 'parameters.prompt.errors.missing' must give a message (and optionally a code)" },
        { "  model:\n    type: string\n", "GRK102@15:3 'model' is implicit (it selects the contract) and cannot be declared as a parameter" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_problem_is_reported_once_at_its_place_with_its_message(string appended, string expected)
    {
        var result = ContractParser.Parse(DiagnosticAssert.Append(appended), "spec.yaml");
        Assert.Null(result.Contract);
        Assert.Equal(expected, Diagnostics(DiagnosticAssert.Append(appended)));
    }

    [Fact]
    public void Parameters_must_declare_one() =>
        Assert.Equal(
            "GRK101@11:13 'parameters' must declare at least one parameter",
            Diagnostics(DiagnosticAssert.Replace("parameters:\n  prompt:\n    type: string\n    required: true\n", "parameters: {}\n")));

    [Fact]
    public void An_empty_wire_name_is_reported()
    {
        var diagnostics = Diagnostics(DiagnosticAssert.Append("  \"\":\n    type: string\n"));
        Assert.StartsWith("GRK101@15:3 a parameter needs a non-empty wire name", diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot derive", diagnostics, StringComparison.Ordinal); // one problem, one diagnostic
    }

    [Theory]
    [InlineData("  mode:\n    type: string\n    values:\n      - { value: a }\n      - { value: a, doc: again }\n", "GRK102@19:18 value 'a' is listed twice in 'parameters.mode.values'")]
    [InlineData("  mode:\n    type: string\n    values:\n      - { name: A }\n", "GRK101@18:9 required key 'value' is missing in 'parameters.mode.values[0]'")]
    [InlineData("  mode:\n    type: string\n    values:\n      - [a]\n", "GRK101@18:9 'parameters.mode.values[0]' must be a mapping, not a sequence")]
    [InlineData("    errors:\n      range: { message: \"{name} is off\" }\n", "GRK102@16:25 'parameters.prompt.errors.range' can never apply to parameter 'prompt'")]
    [InlineData("    errors:\n      range: { code: 20010 }\n", "GRK102@16:7 'parameters.prompt.errors.range' can never apply to parameter 'prompt'")]
    public void Values_and_errors_in_mapping_form_point_at_their_parts(string appended, string expected) =>
        Assert.Equal(expected, Diagnostics(DiagnosticAssert.Append(appended)));

    [Fact]
    public void A_parameter_that_is_not_a_mapping_is_reported_and_parsing_goes_on()
    {
        var diagnostics = Diagnostics(DiagnosticAssert.Append("  seed: 5\n  mode:\n    type: strin\n"));
        Assert.Equal(2, diagnostics.Split('\n').Length);
        Assert.StartsWith("GRK101@15:9 ", diagnostics, StringComparison.Ordinal);
        Assert.Contains("GRK101@17:11 ", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_need_a_type()
    {
        var diagnostics = Diagnostics(DiagnosticAssert.Append("  images:\n    type: array\n    items: { format: public-http-url }\n"));
        Assert.StartsWith("GRK101@17:5 required key 'type' is missin", diagnostics, StringComparison.Ordinal);
        Assert.Single(diagnostics.Split('\n'));
    }

    [Fact]
    public void An_unknown_type_is_reported_once_not_again_for_each_key_that_depends_on_it()
    {
        var diagnostics = Diagnostics(DiagnosticAssert.Append("  seed:\n    type: integr\n    minimum: 1\n    maximum: 2\n    minItems: 1\n    maxItems: 2\n    items: { type: string }\n    default: 5\n"));
        Assert.Single(diagnostics.Split('\n'));
        Assert.StartsWith("GRK101@16:11 ", diagnostics, StringComparison.Ordinal);
    }

    /// <summary>A key that does not apply is dropped after its diagnostic: no check of that kind is left for the validation order.</summary>
    [Theory]
    [InlineData("  seed:\n    type: integer\n    nonEmpty: true\nvalidation:\n  order: [seed.required]\n", "GRK102@17:15", "GRK102@19:11")]
    [InlineData("  seed:\n    type: integer\n    format: public-http-url\nvalidation:\n  order: [seed.format]\n", "GRK102@17:13", "GRK102@19:11")]
    [InlineData("  seed:\n    type: integer\n    values: [a]\nvalidation:\n  order: [seed.allowed]\n", "GRK102@17:5", "GRK102@19:11")]
    [InlineData("    minimum: 1\nvalidation:\n  order: [prompt.range]\n", "GRK102@15:14", "GRK102@17:11")]
    [InlineData("    maximum: 1\nvalidation:\n  order: [prompt.range]\n", "GRK102@15:14", "GRK102@17:11")]
    [InlineData("    minItems: 1\nvalidation:\n  order: [prompt.items]\n", "GRK102@15:15", "GRK102@17:11")]
    [InlineData("    maxItems: 1\nvalidation:\n  order: [prompt.items]\n", "GRK102@15:15", "GRK102@17:11")]
    public void A_key_that_does_not_apply_leaves_no_check_behind(string appended, string first, string second) =>
        DiagnosticAssert.Exactly(DiagnosticAssert.Append(appended), first, second);

    [Fact]
    public void Negative_item_counts_are_reported()
    {
        var diagnostics = Diagnostics(DiagnosticAssert.Append("  images:\n    type: array\n    items: { type: string }\n    minItems: -1\n    maxItems: -2\n"));
        Assert.Contains("must not be negative", diagnostics, StringComparison.Ordinal);
        Assert.StartsWith("GRK10", diagnostics, StringComparison.Ordinal);
    }

    // ---- boundaries the format allows ----

    [Fact]
    public void Min_items_zero_is_allowed_and_checked()
    {
        var contract = SpecFiles.Parse(DiagnosticAssert.Append("  images:\n    type: array\n    items: { type: string }\n    minItems: 0\n    maxItems: 0\n"));
        var images = contract.FindParameter("images")!;
        Assert.Equal((0, 0), (images.MinItems, images.MaxItems));
        Assert.Empty(ContractRules.CheckParameter(contract, images, new PayloadArray(Array.Empty<PayloadValue>())));
        Assert.Equal(ViolationKind.TooManyItems, Assert.Single(ContractRules.CheckParameter(contract, images, new PayloadArray(new PayloadValue[] { new PayloadString("a") }))).Kind);
    }

    [Fact]
    public void Minimum_equal_to_maximum_is_allowed_with_a_default_at_that_value()
    {
        var seed = Parsed("  seed:\n    type: integer\n    minimum: 7\n    maximum: 7\n    default: 7\n", "seed");
        Assert.Equal((7m, 7m, 7m), (seed.Minimum, seed.Maximum, seed.Default!.Number));
    }

    [Fact]
    public void Negative_and_zero_bounds_are_allowed()
    {
        var seed = Parsed("  seed:\n    type: integer\n    minimum: -5\n    maximum: 0\n    default: -5\n", "seed");
        Assert.Equal((-5m, 0m), (seed.Minimum, seed.Maximum));
    }

    [Fact]
    public void A_string_default_on_a_parameter_without_values_is_kept()
    {
        var prompt = Parsed("    default: hello world\n", "prompt");
        Assert.Equal((ContractValueKind.String, "hello world"), (prompt.Default!.Kind, prompt.Default.String));
        Assert.Empty(prompt.AllowedValues);
    }

    [Fact]
    public void A_null_default_is_no_default() => Assert.Null(Parsed("    default: ~\n", "prompt").Default);

    [Theory]
    [InlineData("boolean", "false", ContractValueKind.Boolean)]
    [InlineData("boolean", "true", ContractValueKind.Boolean)]
    [InlineData("number", "0.25", ContractValueKind.Number)]
    [InlineData("integer", "8.0", ContractValueKind.Number)]
    [InlineData("integer", "-3", ContractValueKind.Number)]
    [InlineData("string", "\"16:9\"", ContractValueKind.String)]
    public void Defaults_keep_their_type_and_value(string type, string yaml, ContractValueKind kind)
    {
        var value = Parsed("  p:\n    type: " + type + "\n    default: " + yaml + "\n", "p").Default!;
        Assert.Equal(kind, value.Kind);
        switch (kind)
        {
            case ContractValueKind.Boolean:
                Assert.Equal(yaml == "true", value.Boolean);
                break;
            case ContractValueKind.Number:
                Assert.Equal(decimal.Parse(yaml, System.Globalization.CultureInfo.InvariantCulture), value.Number);
                break;
            default:
                Assert.Equal("16:9", value.String);
                break;
        }
    }

    // ---- what the model keeps ----

    [Fact]
    public void Flags_are_false_unless_set()
    {
        var plain = Parsed("  p:\n    type: string\n", "p");
        Assert.Equal((false, false, StringFormat.None, (string?)null, (string?)null), (plain.Required, plain.NonEmpty, plain.Format, plain.Unit, plain.Doc));
        var set = Parsed("  p:\n    type: string\n    required: true\n    nonEmpty: true\n    format: public-http-url\n    doc: The p.\n", "p");
        Assert.Equal((true, true, StringFormat.PublicHttpUrl, "The p."), (set.Required, set.NonEmpty, set.Format, set.Doc));
        var unset = Parsed("  p:\n    type: string\n    required: false\n    nonEmpty: false\n", "p");
        Assert.Equal((false, false), (unset.Required, unset.NonEmpty));
    }

    [Theory]
    [InlineData("string", ParameterType.String)]
    [InlineData("integer", ParameterType.Integer)]
    [InlineData("number", ParameterType.Number)]
    [InlineData("boolean", ParameterType.Boolean)]
    public void Type_words_map_to_types(string word, ParameterType type) => Assert.Equal(type, Parsed("  p:\n    type: " + word + "\n", "p").Type);

    [Fact]
    public void Arrays_keep_item_format_and_counts()
    {
        var images = Parsed("  images:\n    type: array\n    items: { type: string, format: public-http-url }\n    minItems: 1\n    maxItems: 3\n", "images");
        Assert.Equal((ParameterType.StringArray, StringFormat.PublicHttpUrl, 1, 3), (images.Type, images.Format, images.MinItems, images.MaxItems));
        Assert.Equal(StringFormat.None, Parsed("  images:\n    type: array\n    items: { type: string }\n", "images").Format);
    }

    [Fact]
    public void Numbers_keep_bounds_and_unit()
    {
        var duration = Parsed("  duration:\n    type: number\n    minimum: 0.5\n    maximum: 2.5\n    unit: seconds\n", "duration");
        Assert.Equal((0.5m, 2.5m, "seconds"), (duration.Minimum, duration.Maximum, duration.Unit));
    }

    [Fact]
    public void Values_keep_order_names_and_docs()
    {
        var mode = Parsed("  video_mode:\n    type: string\n    values:\n      - fast\n      - { value: \"16:9\", name: Wide, doc: Wide one. }\n      - { value: \"4k\" }\n", "video_mode");
        Assert.Equal("VideoMode", mode.EnumName);
        Assert.Equal(
            new[] { ("fast", "Fast", (string?)null), ("16:9", "Wide", "Wide one."), ("4k", "V4k", null) },
            mode.AllowedValues.Select(v => (v.Value, v.MemberName, v.Doc)));
        Assert.Equal("Modes", Parsed("  video_mode:\n    type: string\n    enum: Modes\n    values: [a]\n", "video_mode").EnumName);
        Assert.Null(Parsed("  video_mode:\n    type: string\n", "video_mode").EnumName);
    }

    [Fact]
    public void Property_names_are_derived_or_explicit()
    {
        Assert.Equal("AspectRatio", Parsed("  aspect_ratio:\n    type: string\n", "aspect_ratio").PropertyName);
        Assert.Equal("Ratio", Parsed("  aspect_ratio:\n    type: string\n    csharpName: Ratio\n", "aspect_ratio").PropertyName);
    }

    [Fact]
    public void Parameter_errors_keep_kind_code_message_and_doc()
    {
        var prompt = Parsed("    nonEmpty: true\n    errors:\n      missing: \"{name} please\"\n      type: { code: 20010, message: \"{name} is text\", doc: Assumed. }\n      empty: { code: 20011 }\n", "prompt");
        Assert.Equal(
            new[]
            {
                new ErrorRule(ViolationKind.Missing, null, "{name} please", null),
                new ErrorRule(ViolationKind.WrongType, 20010, "{name} is text", "Assumed."),
                new ErrorRule(ViolationKind.Empty, 20011, null, null),
            },
            prompt.Errors.ToArray());
    }

    [Fact]
    public void Parameters_keep_declaration_order()
    {
        var contract = SpecFiles.Parse(DiagnosticAssert.Append("  b:\n    type: string\n  a:\n    type: boolean\n"));
        Assert.Equal(new[] { "prompt", "b", "a" }, contract.Parameters.Select(p => p.Name));
    }
}
