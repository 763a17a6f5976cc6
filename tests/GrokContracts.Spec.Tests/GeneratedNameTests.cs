namespace GrokContracts.Spec.Tests;

/// <summary>
/// GRK102 for names the generator declares on its own (request and channel members, enum helper classes, fields)
/// and for integers that do not fit the generated C# int: the Spec library finds them, so every consumer of a
/// parse (generator, analyzer, CLI's <c>spec validate</c>, emulator) agrees on which specs are valid.
/// </summary>
public class GeneratedNameTests
{
    [Theory]
    [InlineData("validate", "'Validate'")]
    [InlineData("to_json", "'ToJson'")]
    [InlineData("model_id", "'ModelId'")]
    [InlineData("video_generation_request", "'VideoGenerationRequest'")]
    public void Parameter_named_like_a_generated_request_member(string name, string expected)
    {
        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Append("  " + name + ":\n    type: string\n"), "GRK102", 15, 3);
        Assert.Contains(expected, diagnostic.Message, System.StringComparison.Ordinal);
        Assert.Contains("csharpName", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_clash_is_reported_at_csharp_name_when_that_made_it()
    {
        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Append("  seed:\n    type: string\n    csharpName: EnsureValid\n"), "GRK102", 17, 17);
        Assert.Contains("'EnsureValid'", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Property_named_like_another_parameters_with_method()
    {
        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Append("  with_prompt:\n    type: string\n"), "GRK102", 15, 3);
        Assert.Equal("parameter 'with_prompt' gets the C# property name 'WithPrompt', which the method of parameter 'prompt' already uses; add 'csharpName:'", diagnostic.Message);
    }

    [Fact]
    public void Names_that_differ_only_in_case_collide_as_fields()
    {
        // URL and Url are different properties but both become the field/argument "url".
        var text = DiagnosticAssert.Append("  a:\n    type: string\n    csharpName: URL\n  b:\n    type: string\n    csharpName: Url\n");
        var diagnostic = DiagnosticAssert.Single(text, "GRK102", 20, 17);
        Assert.Contains("field and constructor argument name 'url'", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_named_like_another_enums_helper_class()
    {
        var text = DiagnosticAssert.Append("  size:\n    type: string\n    values: [a]\n  size_wire:\n    type: string\n    values: [b]\n");
        var diagnostic = DiagnosticAssert.Single(text, "GRK102", 20, 5);
        Assert.Contains("'SizeWire'", diagnostic.Message, System.StringComparison.Ordinal);
        Assert.Contains("'enum:'", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_named_like_the_channel_class()
    {
        var text = DiagnosticAssert.Append("  size:\n    type: string\n    values: [a]\n    enum: TestModelChannel\n");
        DiagnosticAssert.Single(text, "GRK102", 18, 11);
    }

    [Fact]
    public void Request_type_named_like_the_channel_class() =>
        DiagnosticAssert.Single("requestType: TestModelChannel\n" + Minimal.Spec, "GRK102", 1, 14);

    [Theory]
    [InlineData("    minimum: -3000000000\n    maximum: 9\n", 17, 14)]
    [InlineData("    minimum: 0\n    maximum: 10000000000\n", 18, 14)]
    [InlineData("    default: 2147483648\n", 17, 14)]
    public void Integer_bounds_and_defaults_must_fit_an_int(string line, int lineNumber, int column)
    {
        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Append("  seed:\n    type: integer\n" + line), "GRK102", lineNumber, column);
        Assert.Contains("C# int", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Int_extremes_are_accepted()
    {
        var contract = SpecFiles.Parse(DiagnosticAssert.Append("  seed:\n    type: integer\n    minimum: -2147483648\n    maximum: 2147483647\n"));
        Assert.Equal(2147483647m, contract.FindParameter("seed")!.Maximum);
    }

    [Fact]
    public void Shipped_specs_declare_no_clashing_names()
    {
        Assert.Empty(ContractParser.Parse(SpecFiles.Official, SpecFiles.OfficialName).Diagnostics);
        Assert.Empty(ContractParser.Parse(SpecFiles.Beta, SpecFiles.BetaName).Diagnostics);
    }
}
