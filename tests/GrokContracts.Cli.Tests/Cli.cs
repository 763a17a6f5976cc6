using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Cli;

namespace GrokContracts.Cli.Tests;

/// <summary>What one in-process run of the CLI printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Lines(Out);

    public string[] ErrorLines => Lines(Error);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs <see cref="CliApp.RunAsync"/> with captured stdout/stderr, optional stdin and environment variables.</summary>
internal static class Cli
{
    /// <summary>Generous bound on any single command in these tests (they take well under a second, submit a few).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(args, stdin: null);

    /// <param name="args">The command line.</param>
    /// <param name="stdin">Standard input, or null for none.</param>
    /// <param name="variables">Environment variables the command sees.</param>
    /// <param name="interactive">Whether stderr is to count as an interactive terminal (live progress instead of lines).</param>
    public static async Task<CliRun> RunAsync(string[] args, string? stdin, IReadOnlyDictionary<string, string>? variables = null, bool interactive = false)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new CliEnvironment
        {
            OpenStandardInput = () => new StringReader(stdin ?? string.Empty),
            GetVariable = name => variables is not null && variables.TryGetValue(name, out var value) ? value : null,
            Interactive = interactive,
        };
        using var timeout = new CancellationTokenSource(Timeout);
        var exit = await CliApp.RunAsync(args, stdout, stderr, environment, timeout.Token);
        Assert.False(timeout.IsCancellationRequested, "the command did not finish within " + Timeout);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>Paths of the shipped specs (copied next to the tests) and a scratch directory.</summary>
internal static class Files
{
    public static string OfficialSpec => Path.Combine(AppContext.BaseDirectory, "specs", "grok-imagine-video-1.5-official.yaml");

    public static string BetaSpec => Path.Combine(AppContext.BaseDirectory, "specs", "grok-imagine-video-1.5-beta.yaml");

    public static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "grok-contracts-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    public static string Write(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The official spec with <paramref name="oldText"/> replaced by <paramref name="newText"/> (which must occur once).</summary>
    public static string EditedOfficial(string directory, string name, string oldText, string newText)
    {
        var text = File.ReadAllText(OfficialSpec).ReplaceLineEndings("\n");
        Assert.Equal(1, CountOf(text, oldText));
        return Write(directory, name, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
