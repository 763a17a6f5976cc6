using System.Threading.Tasks;

namespace GrokContracts.Cli.Tests;

/// <summary>Bad arguments anywhere: one line on stderr, nothing on stdout, exit 2.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData(new string[0], "Required command was not provided")]
    [InlineData(new[] { "bogus" }, "unrecognized command or argument 'bogus'")]
    [InlineData(new[] { "check" }, "Required argument")]
    [InlineData(new[] { "check", "a.json", "--colour" }, "unrecognized command or argument '--colour'")]
    [InlineData(new[] { "check", "a.json", "b.json" }, "unrecognized command or argument 'b.json'")]
    [InlineData(new[] { "spec" }, "Required command was not provided")]
    [InlineData(new[] { "spec", "validate" }, "Required argument")]
    [InlineData(new[] { "spec", "diff", "old.yaml" }, "Required argument")]
    [InlineData(new[] { "serve", "--port", "abc" }, "abc")]
    [InlineData(new[] { "submit", "--poll-interval", "0" }, "--poll-interval must be a number of seconds greater than 0")]
    [InlineData(new[] { "submit", "--timeout", "soon" }, "--timeout must be a number of seconds")]
    [InlineData(new[] { "serve", "--delay", "-1" }, "--delay must be a number of seconds 0-172800")]
    [InlineData(new[] { "serve", "--port", "70000" }, "--port must be an integer 0-65535")]
    public async Task Bad_arguments_exit_2_with_one_line(string[] args, string expected) =>
        Assert.EndsWith("--help')", await OneUsageLineAsync(args, expected), System.StringComparison.Ordinal); // the parser's errors point at help

    [Theory]
    [InlineData(new[] { "submit", "--model", "official", "--bogus", "x" }, "has no parameter 'bogus'")]
    [InlineData(new[] { "submit", "--model", "official", "--no-prompt" }, "has no parameter 'prompt' as a boolean")]
    [InlineData(new[] { "submit", "--model", "official", "stray" }, "unexpected argument 'stray'")]
    [InlineData(new[] { "submit", "--model", "official", "--duration" }, "--duration needs a value")]
    [InlineData(new[] { "submit", "--model", "official", "--no-audio=false" }, "--no-audio takes no value")]
    [InlineData(new[] { "submit", "--prompt", "a cat" }, "--model is required")]
    [InlineData(new[] { "task", "id1" }, "--model is required")]
    [InlineData(new[] { "task", "bad id!", "--model", "official" }, "task id")]
    public async Task Spec_driven_arguments_that_cannot_work_exit_2_with_one_line(string[] args, string expected) =>
        await OneUsageLineAsync(args, expected);

    private static async Task<string> OneUsageLineAsync(string[] args, string expected)
    {
        var run = await Cli.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("grok-contracts: ", line, System.StringComparison.Ordinal);
        Assert.Contains(expected, line, System.StringComparison.Ordinal);
        return line;
    }

    [Fact]
    public async Task Help_exits_0_and_lists_every_command()
    {
        var run = await Cli.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "check", "serve", "submit", "task", "spec" })
        {
            Assert.Contains(command, run.Out, System.StringComparison.Ordinal);
        }
    }
}
