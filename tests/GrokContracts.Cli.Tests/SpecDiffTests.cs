using System.IO;
using System.Threading.Tasks;

namespace GrokContracts.Cli.Tests;

public sealed class SpecDiffTests
{
    private readonly string _directory = Files.NewDirectory();

    [Fact]
    public async Task Official_to_beta_lists_breaking_changes_first_and_exits_1()
    {
        var run = await Cli.RunAsync("spec", "diff", Files.OfficialSpec, Files.BetaSpec);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                "breaking: model: model id changed from 'grok-imagine-video-1.5-official' to 'grok-imagine-video-1.5-beta' (payloads carrying the old id are rejected)",
                "breaking: audio: parameter removed (requests and code that set it break)",
                "non-breaking: prompt: no longer required",
                "non-breaking: prompt: an empty value is now accepted",
                "non-breaking: aspect_ratio: value 'auto' added",
                "non-breaking: duration: range widened from [3, 15] to [1, 15]",
                "non-breaking: duration: default changed from 8 to none (requests that omit it get a different result)",
                "non-breaking: nsfw_checker: optional parameter added (boolean)",
            ],
            run.OutLines);
        Assert.Contains("2 breaking, 6 non-breaking", run.Error, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shipped_model_ids_work_in_place_of_files()
    {
        var run = await Cli.RunAsync("spec", "diff", "grok-imagine-video-1.5-beta", "grok-imagine-video-1.5-official");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("breaking: prompt: now required (requests without it are rejected)", run.OutLines);
        Assert.Contains("breaking: aspect_ratio: value 'auto' removed", run.OutLines);
        Assert.Contains("breaking: duration: range narrowed from [1, 15] to [3, 15]", run.OutLines);
        Assert.Contains("breaking: nsfw_checker: parameter removed (requests and code that set it break)", run.OutLines);
        Assert.Contains("non-breaking: audio: optional parameter added (boolean, default true)", run.OutLines);
    }

    [Fact]
    public async Task A_narrowed_range_is_breaking()
    {
        var narrowed = Files.EditedOfficial(_directory, "narrowed.yaml", "    maximum: 15\n", "    maximum: 10\n");

        var run = await Cli.RunAsync("spec", "diff", Files.OfficialSpec, narrowed);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["breaking: duration: range narrowed from [3, 15] to [3, 10]"], run.OutLines);
    }

    [Fact]
    public async Task A_widened_range_alone_is_not_breaking()
    {
        var widened = Files.EditedOfficial(_directory, "widened.yaml", "    maximum: 15\n", "    maximum: 20\n");

        var run = await Cli.RunAsync("spec", "diff", Files.OfficialSpec, widened);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["non-breaking: duration: range widened from [3, 15] to [3, 20]"], run.OutLines);
    }

    [Fact]
    public async Task The_same_spec_has_no_changes()
    {
        var run = await Cli.RunAsync("spec", "diff", Files.OfficialSpec, Files.OfficialSpec);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("no changes", run.Error, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_or_missing_spec_exits_2()
    {
        var broken = Files.EditedOfficial(_directory, "broken.yaml", "    minimum: 3\n", "    minimum: three\n");

        var run = await Cli.RunAsync("spec", "diff", Files.OfficialSpec, broken);
        var missing = await Cli.RunAsync("spec", "diff", Path.Combine(_directory, "missing.yaml"), Files.OfficialSpec);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains(broken + "(70,14): error GRK101", run.Error, System.StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file", Assert.Single(missing.ErrorLines), System.StringComparison.Ordinal);
    }
}
