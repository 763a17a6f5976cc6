using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Cli.Diff;
using GrokContracts.Cli.Specs;
using GrokContracts.Spec;

namespace GrokContracts.Cli.Commands;

/// <summary><c>spec validate</c> and <c>spec diff</c>: the spec files themselves.</summary>
internal static class SpecCommands
{
    public static Command Create(CliContext context) => new("spec", "Work with contract spec files.")
    {
        CreateValidate(context),
        CreateDiff(context),
    };

    /// <summary>
    /// <c>spec validate &lt;files…&gt;</c>: every GRK1xx diagnostic as <c>file(line,col): error GRKnnn: message</c> on stdout,
    /// the files taken together (two declaring one model id is GRK103). Exit 0 clean, 1 with errors, 2 when a file cannot be read.
    /// </summary>
    private static Command CreateValidate(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Spec files (YAML or JSON).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Report GRK1xx problems in spec files, as file(line,col): error GRKnnn: message.") { files };
        command.SetAction((parseResult, cancellationToken) => ValidateAsync(context, parseResult.GetRequiredValue(files), cancellationToken));
        return command;
    }

    /// <summary>
    /// <c>spec diff &lt;old&gt; &lt;new&gt;</c>: breaking changes, then non-breaking ones, one per line on stdout. Exit 1 when anything
    /// breaks, 0 otherwise, 2 when a spec cannot be read or has errors. Either side may also be a shipped model id.
    /// </summary>
    private static Command CreateDiff(CliContext context)
    {
        var oldSpec = new Argument<string>("old") { Description = "The spec as it was (a file, or a shipped model id)." };
        var newSpec = new Argument<string>("new") { Description = "The spec as it is now (a file, or a shipped model id)." };
        var command = new Command("diff", "List what changes for callers between two versions of a spec; exit 1 when anything breaks.") { oldSpec, newSpec };
        command.SetAction((parseResult, cancellationToken) => DiffAsync(context, parseResult.GetRequiredValue(oldSpec), parseResult.GetRequiredValue(newSpec), cancellationToken));
        return command;
    }

    private static async Task<int> ValidateAsync(CliContext context, string[] files, CancellationToken cancellationToken)
    {
        var entries = new List<(SpecParseResult, bool)>();
        var unreadable = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                entries.Add((SpecSources.ParseFile(file, context.Environment), false));
            }
            catch (CliUsageException ex)
            {
                unreadable++;
                await context.Error.WriteLineAsync($"{CliApp.Name}: {ex.Message}").ConfigureAwait(false);
            }
        }

        var diagnostics = new ContractCatalog(entries).Diagnostics;
        foreach (var diagnostic in diagnostics)
        {
            await context.Out.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
        }

        var read = files.Length - unreadable;
        await context.Error.WriteLineAsync($"{read} spec file{(read == 1 ? string.Empty : "s")} checked, {diagnostics.Count} error{(diagnostics.Count == 1 ? string.Empty : "s")}{(unreadable > 0 ? $", {unreadable} unreadable" : string.Empty)}").ConfigureAwait(false);
        return unreadable > 0 ? ExitCodes.Usage : diagnostics.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static async Task<int> DiffAsync(CliContext context, string oldPath, string newPath, CancellationToken cancellationToken)
    {
        var oldContract = await LoadAsync(context, oldPath).ConfigureAwait(false);
        var newContract = await LoadAsync(context, newPath).ConfigureAwait(false);
        if (oldContract is null || newContract is null)
        {
            return ExitCodes.Usage;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var changes = ContractDiff.Compare(oldContract, newContract);
        foreach (var change in changes.Where(c => c.IsBreaking).Concat(changes.Where(c => !c.IsBreaking)))
        {
            await context.Out.WriteLineAsync(change.ToString()).ConfigureAwait(false);
        }

        var breaking = changes.Count(c => c.IsBreaking);
        var summary = changes.Count == 0
            ? $"no changes between {oldContract.ModelId} and {newContract.ModelId}"
            : $"{oldContract.ModelId} -> {newContract.ModelId}: {breaking} breaking, {changes.Count - breaking} non-breaking";
        await context.Error.WriteLineAsync(summary).ConfigureAwait(false);
        return breaking > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static async Task<Contract?> LoadAsync(CliContext context, string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path) && SpecSources.FindShipped(path) is { } shipped)
        {
            return shipped;
        }

        var result = SpecSources.ParseFile(path, context.Environment);
        if (result.Contract is not null)
        {
            return result.Contract;
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            await context.Error.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
        }

        await context.Error.WriteLineAsync($"{CliApp.Name}: cannot diff: '{path}' has {result.Diagnostics.Count} error{(result.Diagnostics.Count == 1 ? string.Empty : "s")}").ConfigureAwait(false);
        return null;
    }
}
