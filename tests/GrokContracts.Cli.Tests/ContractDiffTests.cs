using System;
using System.IO;
using System.Linq;
using GrokContracts.Cli.Diff;
using GrokContracts.Spec;

namespace GrokContracts.Cli.Tests;

public sealed class ContractDiffTests
{
    private static readonly string OfficialText = File.ReadAllText(Files.OfficialSpec).ReplaceLineEndings("\n");

    [Theory]
    [InlineData("    type: boolean\n    default: true\n", "    type: string\n    default: \"on\"\n", ChangeKind.TypeChanged, true)]
    [InlineData("  audio:\n    type: boolean\n    default: true\n", "  audio:\n    type: boolean\n    required: true\n", ChangeKind.BecameRequired, true)]
    [InlineData("        name: Portrait9x16\n        doc: Portrait.\n", "        name: Portrait9x16\n        doc: Portrait.\n      - value: \"4:3\"\n        name: Landscape4x3\n", ChangeKind.ValueAdded, false)]
    [InlineData("    nonEmpty: true\n", "", ChangeKind.EmptyAllowed, false)]
    [InlineData("    minimum: 3\n", "    minimum: 5\n", ChangeKind.RangeNarrowed, true)]
    [InlineData("    minimum: 3\n", "    minimum: 1\n", ChangeKind.RangeWidened, false)]
    [InlineData("    maxItems: 1\n", "    maxItems: 2\n", ChangeKind.ItemCountWidened, false)]
    [InlineData("    default: 8\n", "    default: 5\n", ChangeKind.DefaultChanged, false)]
    [InlineData("  format:   { code: 20003,", "  format:   { code: 20004,", ChangeKind.ErrorCodeChanged, true)]
    [InlineData("    path: /api/v1/tasks/{id}\n", "    path: /api/v2/tasks/{id}\n", ChangeKind.EndpointChanged, true)]
    public void An_edit_gives_a_change_of_the_expected_kind_and_severity(string oldText, string newText, ChangeKind kind, bool breaking)
    {
        // output.audio names the boolean 'audio': retyping it would break that reference (GRK102), so the edited copy
        // drops the output key (the diff compares parameters, errors and endpoints, not output facts).
        var changes = ContractDiff.Compare(Parse(OfficialText), Parse(Edit(oldText, newText).Replace("\n  audio: audio\n", "\n", StringComparison.Ordinal)));

        var change = Assert.Single(changes, c => c.Kind == kind);
        Assert.Equal(breaking, change.IsBreaking);
        Assert.All(changes.Where(c => c.Kind != kind), c => Assert.Equal(ChangeKind.DefaultChanged, c.Kind));
    }

    [Fact]
    public void A_new_required_parameter_is_breaking_and_a_new_optional_one_is_not()
    {
        var required = Edit("  audio:\n", "  seed:\n    type: integer\n    required: true\n  audio:\n");
        var optional = Edit("  audio:\n", "  seed:\n    type: integer\n  audio:\n");

        var requiredChange = Assert.Single(ContractDiff.Compare(Parse(OfficialText), Parse(required)));
        var optionalChange = Assert.Single(ContractDiff.Compare(Parse(OfficialText), Parse(optional)));

        Assert.Equal((ChangeKind.RequiredParameterAdded, true, "seed"), (requiredChange.Kind, requiredChange.IsBreaking, requiredChange.Subject));
        Assert.Equal((ChangeKind.OptionalParameterAdded, false, "seed"), (optionalChange.Kind, optionalChange.IsBreaking, optionalChange.Subject));
    }

    [Fact]
    public void A_lower_maxItems_and_a_new_format_are_breaking()
    {
        var lower = Edit("    maxItems: 1\n", "    maxItems: 0\n").Replace("    minItems: 1\n", "    minItems: 0\n", StringComparison.Ordinal);
        var withFormat = Edit("  prompt:\n    type: string\n", "  prompt:\n    type: string\n    format: public-http-url\n");

        var lowered = ContractDiff.Compare(Parse(OfficialText), Parse(lower));
        var formatted = Assert.Single(ContractDiff.Compare(Parse(OfficialText), Parse(withFormat)));

        Assert.Contains(lowered, c => c.Kind == ChangeKind.ItemCountNarrowed && c.IsBreaking && c.Description == "item count changed from [1, 1] to [0, 0]");
        Assert.Equal((ChangeKind.FormatAdded, true), (formatted.Kind, formatted.IsBreaking));
    }

    [Fact]
    public void Equal_contracts_have_no_changes()
    {
        Assert.Empty(ContractDiff.Compare(Parse(OfficialText), Parse(OfficialText.Replace("# Source of truth", "# Edited comment", StringComparison.Ordinal))));
    }

    private static string Edit(string oldText, string newText)
    {
        Assert.Contains(oldText, OfficialText, StringComparison.Ordinal);
        return OfficialText.Replace(oldText, newText, StringComparison.Ordinal);
    }

    private static Contract Parse(string text)
    {
        var result = ContractParser.Parse(text, "test.yaml");
        Assert.True(result.Contract is not null, string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.ToString())));
        return result.Contract;
    }
}
