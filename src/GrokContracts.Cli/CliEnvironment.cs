using System;
using System.IO;

namespace GrokContracts.Cli;

/// <summary>
/// What a command may read from its surroundings besides its arguments: standard input, environment variables,
/// whether stderr is an interactive terminal, and whether Ctrl+C should cancel the command. Tests pass their own.
/// </summary>
public sealed class CliEnvironment
{
    /// <summary>Standard input (read by <c>check -</c>).</summary>
    public Func<TextReader> OpenStandardInput { get; init; } = () => TextReader.Null;

    /// <summary>Looks up an environment variable (<c>REAPI_BASE_URL</c>, <c>REAPI_API_KEY</c>); null when unset.</summary>
    public Func<string, string?> GetVariable { get; init; } = _ => null;

    /// <summary>Whether stderr is a terminal that can show a live status line (otherwise progress is printed line by line).</summary>
    public bool Interactive { get; init; }

    /// <summary>Whether Ctrl+C / SIGTERM cancel the running command (true for the real process only).</summary>
    public bool HandleTermination { get; init; }

    /// <summary>The real process: console stdin, process environment, terminal detection, Ctrl+C handling.</summary>
    public static CliEnvironment FromProcess() => new()
    {
        OpenStandardInput = () => Console.In,
        GetVariable = Environment.GetEnvironmentVariable,
        Interactive = !Console.IsErrorRedirected,
        HandleTermination = true,
    };
}
