using System.Linq;

namespace GrokContracts.Spec.Tests;

/// <summary>
/// What the parser does <em>after</em> a parameter diagnostic (issue 14, the survivors of the mutation run on
/// <c>SpecParser.Parameters.cs</c>): a problem is reported once, where it is, and the part it makes unusable is dropped
/// so no later check reports a second, invented problem about it (a clash with a name that was never given, an
/// override of a kind the author never wrote, a validation step of a parameter that has no type). What is dropped is
/// really gone: an override of a kind the parameter cannot have after the drop is reported as such.
/// </summary>
public class ParameterDiagnosticCascadeTests
{
    private static string Diagnostics(string text) =>
        string.Join("\n", ContractParser.Parse(text, "spec.yaml").Diagnostics.Select(d => $"{d.Id}@{d.Start.Line}:{d.Start.Column} {d.Message}"));

    // Appended text starts at line 15 (DiagnosticAssert.Append); 'prompt' is a required string without nonEmpty,
    // the top-level errors have 'missing' (20002) and 'range' (20003) only.
    public static TheoryData<string, string> Cases => new()
    {
        // An invalid explicit member name is reported; the value is not given a derived name behind the author's
        // back, so it cannot clash with another value's derived name ('a' and 'A' both derive 'A').
        {
            "  mode:\n    type: string\n    values:\n      - { value: a, name: 1abc }\n      - { value: A }\n",
            "GRK102@18:27 'parameters.mode.values[0].name' '1abc' is not a valid C# identifier"
        },

        // Two values without a derivable member name: each is reported, and they do not "clash" on the empty name.
        {
            "  mode:\n    type: string\n    values: [\"--\", \"++\"]\n",
            "GRK102@17:14 cannot derive a C# member name from value '--'; add 'name:'\n" +
            "GRK102@17:20 cannot derive a C# member name from value '++'; add 'name:'"
        },

        // minItems/maxItems on a string are dropped after their diagnostic, so an override of that kind is dead.
        {
            "    minItems: 1\n    errors:\n      minItems: { code: 20005, message: \"{name} needs {minItems}\" }\n",
            "GRK102@15:15 'parameters.prompt.minItems' applies to array parameters only\n" +
            "GRK102@17:41 'parameters.prompt.errors.minItems' can never apply to parameter 'prompt'"
        },
        {
            "    maxItems: 1\n    errors:\n      maxItems: { code: 20006, message: \"{name} takes {maxItems}\" }\n",
            "GRK102@15:15 'parameters.prompt.maxItems' applies to array parameters only\n" +
            "GRK102@17:41 'parameters.prompt.errors.maxItems' can never apply to parameter 'prompt'"
        },
        {
            "    minItems: 1\n    maxItems: 2\n    errors:\n      minItems: { code: 20005, message: \"{name} needs {minItems}\" }\n      maxItems: { code: 20006, message: \"{name} takes {maxItems}\" }\n",
            "GRK102@15:15 'parameters.prompt.minItems' applies to array parameters only\n" +
            "GRK102@16:15 'parameters.prompt.maxItems' applies to array parameters only\n" +
            "GRK102@18:41 'parameters.prompt.errors.minItems' can never apply to parameter 'prompt'\n" +
            "GRK102@19:41 'parameters.prompt.errors.maxItems' can never apply to parameter 'prompt'"
        },

        // The same for the range bounds.
        {
            "    minimum: 1\n    errors:\n      range: \"{name} is off\"\n",
            "GRK102@15:14 'parameters.prompt.minimum' applies to integer and number parameters only\n" +
            "GRK102@17:14 'parameters.prompt.errors.range' can never apply to parameter 'prompt'"
        },
        {
            "    maximum: 1\n    errors:\n      range: \"{name} is off\"\n",
            "GRK102@15:14 'parameters.prompt.maximum' applies to integer and number parameters only\n" +
            "GRK102@17:14 'parameters.prompt.errors.range' can never apply to parameter 'prompt'"
        },

        // A parameter that is not a mapping has no type: the validation order does not report its checks as
        // inapplicable on top of the one real problem.
        {
            "  seed: 5\nvalidation:\n  order: [seed.range, seed.required]\n",
            "GRK101@15:9 'parameters.seed' must be a mapping, not a number"
        },

        // An unknown override key is reported as unknown, not also read as some other kind ('missing' cannot apply
        // to the optional 'seed', so that would be a second, invented diagnostic).
        {
            "  seed:\n    type: integer\n    errors:\n      rnage: \"{name} is off\"\n",
            "GRK101@18:7 unknown key 'rnage' in 'parameters.seed.errors'; allowed keys: missing, empty, type, minItems, maxItems, range, allowed, format, unknown"
        },

        // An override without message or code is reported once; it is not kept as an override without a code
        // (the top level has no 'type' rule, so that would add "has no code for").
        {
            "    errors:\n      type: ~\n",
            "GRK101@16:13 'parameters.prompt.errors.type' must give a message (and optionally a code)"
        },
        {
            "    errors:\n      type: { doc: Why. }\n",
            "GRK101@16:13 'parameters.prompt.errors.type' must give a message (and optionally a code)"
        },

        // An override that is neither a template nor a mapping.
        {
            "    errors:\n      missing: [\"{name} is required\"]\n",
            "GRK101@16:16 'parameters.prompt.errors.missing' must be a mapping, not a sequence"
        },

        // Negative item counts, with their positions (docs/spec-format.md: "integer ≥ 0").
        {
            "  images:\n    type: array\n    items: { type: string }\n    minItems: -1\n",
            "GRK102@18:15 'parameters.images.minItems' must not be negative"
        },
        {
            "  images:\n    type: array\n    items: { type: string }\n    maxItems: -1\n",
            "GRK102@18:15 'parameters.images.maxItems' must not be negative"
        },

        // A wire name with a control character (docs/spec-format.md: "any non-empty text without control characters").
        {
            "  \"a\\tb\":\n    type: string\n",
            "GRK101@15:3 a parameter wire name cannot contain control characters"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_problem_is_reported_once_and_what_it_drops_stays_dropped(string appended, string expected)
    {
        var text = DiagnosticAssert.Append(appended);
        Assert.Null(ContractParser.Parse(text, "spec.yaml").Contract);
        Assert.Equal(expected, Diagnostics(text));
    }

    /// <summary>
    /// <c>name: ~</c> is a null scalar, and docs/spec-format.md reads a null as "not stated": the value keeps its place
    /// among the allowed values with the derived member name, like any optional key that is null.
    /// </summary>
    [Theory]
    [InlineData("      - { value: fast, name: ~ }\n      - slow\n")]
    [InlineData("      - value: fast\n        name:\n      - slow\n")]
    public void A_null_member_name_is_no_name_and_the_value_is_kept(string items)
    {
        var contract = SpecFiles.Parse(DiagnosticAssert.Append("  mode:\n    type: string\n    values:\n" + items));
        var mode = contract.FindParameter("mode")!;
        Assert.Equal(new[] { ("fast", "Fast"), ("slow", "Slow") }, mode.AllowedValues.Select(v => (v.Value, v.MemberName)));
        Assert.Empty(ContractRules.CheckParameter(contract, mode, new PayloadString("fast")));
        Assert.Equal(ViolationKind.NotAllowed, Assert.Single(ContractRules.CheckParameter(contract, mode, new PayloadString("medium"))).Kind);
    }
}
