using System.IO;
using Spectre.Console;

namespace GrokContracts.Cli;

/// <summary>The writers and environment one run of the CLI uses.</summary>
/// <param name="Out">Standard output: machine-readable results (error envelopes, diagnostics, changes, URLs).</param>
/// <param name="Error">Standard error: status, progress, warnings and one-line errors.</param>
/// <param name="Environment">Standard input, environment variables, terminal facts.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, CliEnvironment Environment)
{
    /// <summary>A Spectre.Console view of stderr, for progress; plain text unless stderr is an interactive terminal.</summary>
    public IAnsiConsole CreateStatusConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Error),
        Ansi = Environment.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = Environment.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = Environment.Interactive ? InteractionSupport.Yes : InteractionSupport.No,
    });
}
