namespace GrokContracts.Spec.Tests;

/// <summary>GRK101: the spec does not follow the format (unknown key, wrong node type, missing key, bad word, duplicate key).</summary>
public class ParserSchemaTests
{
    [Fact]
    public void Unknown_top_level_key_names_the_key_and_the_allowed_ones()
    {
        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Append("prameters: {}\n"), "GRK101", 15, 1);
        Assert.Contains("'prameters'", diagnostic.Message, System.StringComparison.Ordinal);
        Assert.Contains("parameters", diagnostic.Message.Substring(diagnostic.Message.IndexOf("allowed", System.StringComparison.Ordinal)), System.StringComparison.Ordinal);
        Assert.Equal(new SpecPosition(15, 10), diagnostic.End);
    }

    [Fact]
    public void Unknown_parameter_key_is_reported() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("    requird: true\n"), "GRK101", 15, 5);

    [Fact]
    public void Unknown_endpoint_key_is_reported() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("{ method: POST, path: /submit }", "{ method: POST, path: /submit, verb: x }"), "GRK101", 6, 42);

    [Fact]
    public void Sequence_where_a_string_is_expected() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("summary: A test channel.", "summary: [a, b]"), "GRK101", 3, 10);

    [Fact]
    public void Scalar_where_a_mapping_is_expected() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("  prompt:\n    type: string\n    required: true\n", "  prompt: string\n"), "GRK101", 12, 11);

    [Fact]
    public void Scalar_where_a_sequence_is_expected() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("validation:\n  order: prompt\n"), "GRK101", 16, 10);

    [Fact]
    public void Missing_model_is_reported_at_the_top() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("model: test-model\n", string.Empty), "GRK101", 1, 1);

    [Fact]
    public void Missing_parameters_is_reported() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("parameters:\n  prompt:\n    type: string\n    required: true\n", string.Empty), "GRK101", 1, 1);

    [Fact]
    public void Missing_endpoint_part_is_reported_at_its_owner() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("{ method: POST, path: /submit }", "{ method: POST }"), "GRK101", 6, 3);

    [Fact]
    public void Missing_parameter_type_is_reported_at_the_parameter()
    {
        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Replace("    type: string\n", string.Empty), "GRK101", 12, 3);
        Assert.Contains("'type'", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_type_word_is_reported_at_the_value()
    {
        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Replace("type: string", "type: strng"), "GRK101", 13, 11);
        Assert.Contains("string, integer, number, boolean, array", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("specVersion: 2")]
    [InlineData("specVersion: \"1\"")]
    [InlineData("specVersion: 1.5")]
    public void Spec_version_other_than_1_is_reported(string line) =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("specVersion: 1", line), "GRK101", 1, 14);

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_one() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("summary: A test channel.\n", "summary: A test channel.\nsummary: Again.\n"), "GRK101", 4, 1);

    [Fact]
    public void Duplicate_parameter_is_reported() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  prompt:\n    type: string\n"), "GRK101", 15, 3);

    [Fact]
    public void Duplicate_key_in_json_is_reported() =>
        DiagnosticAssert.Exactly(
            "{\"model\": \"a\", \"model\": \"b\"}",
            "GRK101@1:1", // summary missing
            "GRK101@1:1", // endpoints missing
            "GRK101@1:1", // parameters missing
            "GRK101@1:16"); // the second "model"

    [Fact]
    public void Boolean_expected() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("required: true", "required: yes"), "GRK101", 14, 15);

    [Fact]
    public void Quoted_true_is_a_string_not_a_boolean() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("required: true", "required: \"true\""), "GRK101", 14, 15);

    [Fact]
    public void Integer_expected() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  images:\n    type: array\n    maxItems: 1.5\n"), "GRK101", 17, 15);

    [Fact]
    public void Number_expected() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  seed:\n    type: integer\n    minimum: \"3\"\n"), "GRK101", 17, 14);

    [Fact]
    public void Number_too_large_for_a_decimal_is_reported() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  seed:\n    type: integer\n    maximum: 1e400\n"), "GRK101", 17, 14);

    [Fact]
    public void Error_code_must_be_an_integer() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("code: 20002", "code: abc"), "GRK101", 9, 20);

    [Fact]
    public void Unknown_error_kind_is_reported() =>
        DiagnosticAssert.Single(DiagnosticAssert.Replace("  missing:", "  mising:"), "GRK101", 9, 3);

    [Fact]
    public void Unknown_validation_check_word_is_reported() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("validation:\n  order: [prompt.requird]\n"), "GRK101", 16, 11);

    [Fact]
    public void Bad_iso_duration_is_reported() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("output:\n  videoUrlsValidFor: 7 days\n"), "GRK101", 16, 22);

    [Fact]
    public void Rounding_other_than_ceiling_is_reported() =>
        DiagnosticAssert.Single(
            DiagnosticAssert.Append("  seconds:\n    type: integer\npricing:\n  per: seconds\n  creditUsd: 0.001\n  rounding: floor\n"),
            "GRK101", 20, 13);

    [Fact]
    public void Bad_task_outcome_is_reported() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("task:\n  statuses:\n    processing: running\n"), "GRK101", 17, 17);

    [Fact]
    public void Plain_number_as_allowed_value_must_be_quoted() =>
        DiagnosticAssert.Single(DiagnosticAssert.Append("  size:\n    type: string\n    values: [480, \"720\"]\n"), "GRK101", 17, 14);

    [Fact]
    public void Several_problems_are_all_reported_in_file_order() =>
        DiagnosticAssert.Exactly(
            DiagnosticAssert.Replace("specVersion: 1", "specVersion: 3")
                .Replace("summary: A test channel.", "summary: [x]")
                .Replace("type: string", "type: text")
                + "    extra: 1\n",
            "GRK101@1:14",
            "GRK101@3:10",
            "GRK101@13:11",
            "GRK101@15:5");
}
