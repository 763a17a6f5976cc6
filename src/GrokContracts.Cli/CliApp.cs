using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Cli.Commands;

namespace GrokContracts.Cli;

/// <summary>
/// The <c>grok-contracts</c> command line, runnable in-process: <see cref="RunAsync"/> parses the arguments, runs one
/// command against the given writers and returns its exit code (<see cref="ExitCodes"/>).
/// </summary>
public static class CliApp
{
    /// <summary>The tool's command name.</summary>
    public const string Name = "grok-contracts";

    /// <summary>Runs the command line <paramref name="args"/>.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where status, progress and errors go.</param>
    /// <param name="environment">Standard input, environment variables and terminal facts (default: none of them).</param>
    /// <param name="cancellationToken">Stops a long-running command (<c>serve</c>, <c>submit --wait</c>).</param>
    /// <returns>The exit code: 0 success, 1 a "no" answer, 2 bad arguments or unreadable input.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment? environment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var context = new CliContext(stdout, stderr, environment ?? new CliEnvironment());
        var root = BuildRootCommand(context);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            // One line, exit 2: System.CommandLine would print every error plus the whole help text, exit 1.
            var command = parseResult.CommandResult.Command;
            var path = command is RootCommand ? Name : Name + " " + CommandPath(parseResult);
            var message = parseResult.UnmatchedTokens.Count > 0
                ? $"unrecognized command or argument '{parseResult.UnmatchedTokens[0]}'"
                : parseResult.Errors[0].Message.TrimEnd('.');
            await stderr.WriteLineAsync($"{Name}: {OneLine(message)} (see '{path} --help')").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = context.Environment.HandleTermination ? TimeSpan.FromSeconds(10) : null,
        };

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException ex)
        {
            await stderr.WriteLineAsync($"{Name}: {OneLine(ex.Message)}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"{Name}: cancelled").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
#pragma warning disable CA1031 // The last line of defence: a bug of ours is one line and exit 1, not a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"{Name}: internal error: {ex.GetType().Name}: {OneLine(ex.Message)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>The command tree (exposed for tests of the help text and parsing).</summary>
    internal static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand("Contract tools for AI video channels described by contract specs (the reAPI Grok Imagine channels are shipped): check payloads, run the local emulator, submit requests and resume tasks, run batches, validate and diff specs.")
        {
            CheckCommand.Create(context),
            ServeCommand.Create(context),
            SubmitCommand.Create(context),
            TaskCommand.Create(context),
            BatchCommand.Create(context),
            SpecCommands.Create(context),
        };
        return root;
    }

    /// <summary>Collapses a message to one line.</summary>
    internal static string OneLine(string message) =>
        message.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Trim();

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new System.Collections.Generic.List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Insert(0, result.Command.Name);
            }
        }

        return string.Join(' ', names);
    }
}
