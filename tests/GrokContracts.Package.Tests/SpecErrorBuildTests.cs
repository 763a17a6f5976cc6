using System;
using System.Linq;
using System.Threading.Tasks;
using GrokContracts.Package.Tests.Infrastructure;

namespace GrokContracts.Package.Tests;

/// <summary>
/// A broken spec whose generated types the code uses: the C# build fails (the types are missing), the compiler then
/// drops analyzer diagnostics, and the spec's GRK10x must still be in the real <c>dotnet build</c> log at its file,
/// line and column (the generator reports them).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SpecErrorBuildTests(PackedFeed feed)
{
    [Fact]
    public async Task The_build_fails_because_the_broken_specs_types_are_missing_and_the_shipped_types_survive_a_broken_override()
    {
        var build = await feed.SpecErrorsBuild;

        Assert.NotEqual(0, build.ExitCode);
        var missing = build.Diagnostics.InFile("Uses.cs").Where(d => d.Id is "CS0234" or "CS0246").ToList();
        // Three of the four: the broken override of the shipped official model id generates nothing, but the shipped
        // types are compiled into GrokContracts.dll, so Override() (line 7) still binds to them; its GRK101 still fails the build.
        Assert.True(missing.Count == 3, build.ToString());
        Assert.DoesNotContain(missing, d => d.Line == 7);
    }

    [Fact]
    public Task GRK100_unquoted_brace_in_a_flow_mapping_is_at_its_line_and_column() =>
        AssertAt("GRK100", "broken-flow.yaml", SpecErrorSources.NotParseableAt);

    [Fact]
    public Task GRK101_in_a_broken_override_of_the_shipped_official_model_id_is_at_its_line_and_column() =>
        AssertAt("GRK101", "official-override.yaml", SpecErrorSources.BrokenOverrideAt);

    [Fact]
    public Task GRK102_default_outside_its_range_is_at_its_line_and_column() =>
        AssertAt("GRK102", "out-of-range.yaml", SpecErrorSources.InconsistentAt);

    [Fact]
    public Task GRK103_second_spec_with_the_same_model_id_is_at_its_model_value() =>
        AssertAt("GRK103", "dup-second.yaml", SpecErrorSources.DuplicateAt);

    [Fact]
    public async Task The_first_of_two_duplicates_has_no_diagnostic()
    {
        var build = await feed.SpecErrorsBuild;
        Assert.Empty(build.Diagnostics.InFile("dup-first.yaml"));
    }

    private async Task AssertAt(string id, string file, (string Line, string At) place)
    {
        var build = await feed.SpecErrorsBuild;
        var (line, column) = SpecErrorSources.PositionOf(SpecErrorSources.Spec(feed.OfficialSpec, file), place);

        var match = build.Diagnostics.WithId(id).FirstOrDefault(d => d.FileName == file);
        Assert.True(match is not null, $"expected {id} in {file}; got:\n{build.Diagnostics}\n\n{build}");
        Assert.Equal((line, column, "error"), (match!.Line, match.Column, match.Severity));
        Assert.EndsWith("contracts/" + file, match.File.Replace('\\', '/'), StringComparison.Ordinal);
    }
}
