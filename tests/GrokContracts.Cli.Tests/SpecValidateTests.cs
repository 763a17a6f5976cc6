using System.IO;
using System.Threading.Tasks;

namespace GrokContracts.Cli.Tests;

public sealed class SpecValidateTests
{
    private readonly string _directory = Files.NewDirectory();

    [Fact]
    public async Task The_shipped_specs_are_clean()
    {
        var run = await Cli.RunAsync("spec", "validate", Files.OfficialSpec, Files.BetaSpec);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("2 spec files checked, 0 errors", run.Error, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_spec_reports_each_diagnostic_at_its_file_line_and_column()
    {
        // Line 70 is duration's "minimum: 3"; the value starts at column 14. The audio parameter's new key lands on line 77.
        var broken = Files.EditedOfficial(_directory, "broken.yaml", "    minimum: 3\n", "    minimum: three\n");
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("  audio:\n", "  audio:\n    colour: red\n", System.StringComparison.Ordinal));
        Assert.Equal("    minimum: three", File.ReadAllLines(broken)[69]);
        Assert.Equal("    colour: red", File.ReadAllLines(broken)[76]);

        var run = await Cli.RunAsync("spec", "validate", broken);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(3, run.OutLines.Length);
        Assert.Equal(broken + "(70,14): error GRK101: 'parameters.duration.minimum' must be a number, not 'three'", run.OutLines[0]);
        Assert.StartsWith(broken + "(75,14): error GRK102: ", run.OutLines[1], System.StringComparison.Ordinal);
        Assert.StartsWith(broken + "(77,5): error GRK101: unknown key 'colour' in 'parameters.audio'", run.OutLines[2], System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_named_like_a_generated_member_is_the_same_GRK102_the_build_reports()
    {
        // "validate" would become the property Validate, which the generated request declares as a method.
        var clash = Files.EditedOfficial(_directory, "clash.yaml", "  audio:\n", "  validate:\n    type: string\n  audio:\n");
        var line = System.Array.IndexOf(File.ReadAllLines(clash), "  validate:") + 1;

        var run = await Cli.RunAsync("spec", "validate", clash);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            clash + "(" + line + ",3): error GRK102: parameter 'validate' gets the C# property name 'Validate', which the generated code already uses; add 'csharpName:'",
            Assert.Single(run.OutLines));
    }

    [Fact]
    public async Task Unparseable_YAML_is_GRK100()
    {
        var path = Files.Write(_directory, "bad.yaml", "model: [\n");

        var run = await Cli.RunAsync("spec", "validate", path);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(path + "(2,1): error GRK100: ", Assert.Single(run.OutLines), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_files_declaring_one_model_id_are_GRK103_on_the_second()
    {
        var copy = Files.Write(_directory, "copy.yaml", File.ReadAllText(Files.OfficialSpec));

        var run = await Cli.RunAsync("spec", "validate", Files.OfficialSpec, copy);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(copy + "(5,8): error GRK103: model id 'grok-imagine-video-1.5-official' is already declared", Assert.Single(run.OutLines), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_file_exits_2_and_the_others_are_still_checked()
    {
        var broken = Files.Write(_directory, "bad.yaml", "model: [\n");

        var run = await Cli.RunAsync("spec", "validate", Path.Combine(_directory, "missing.yaml"), broken);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Error, System.StringComparison.Ordinal);
        Assert.Contains("error GRK100", Assert.Single(run.OutLines), System.StringComparison.Ordinal);
    }
}
