using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Cli.Batch;
using GrokContracts.Cli.Submit;

namespace GrokContracts.Cli.Commands;

/// <summary>
/// <c>batch &lt;jobs.jsonl|jobs.csv&gt; --out-dir DIR</c>: validates every line with the rule engine first (nothing is sent
/// unless all are valid, or <c>--skip-invalid</c>), then runs them with <see cref="BatchRunner"/> and its SQLite journal
/// (<c>DIR/.batch.db</c>), so rerunning the same command after a crash resumes without submitting anything twice.
/// <c>--dry-run</c> prints the cost table instead. Exit 0 when every line is downloaded, 1 when any failed, is unknown
/// or unfinished, 2 for bad input (unreadable or invalid lines, a corrupt, locked or foreign journal).
/// </summary>
internal static class BatchCommand
{
    public static Command Create(CliContext context)
    {
        var session = new SessionOptions();
        var jobs = new Argument<string>("jobs")
        {
            Description = "The jobs: JSON Lines (one request body a line, any loaded model) or CSV (header: model and wire parameter names), or - for standard input.",
            HelpName = "jobs.jsonl|jobs.csv",
        };
        var outDir = new Option<string>("--out-dir") { Description = "Where the videos (<line>.mp4) and the journal go; created if missing.", HelpName = "dir", Required = true };
        var concurrency = OptionValues.Integer(new Option<int>("--concurrency") { Description = "Lines in flight at once (default 4).", HelpName = "N", DefaultValueFactory = _ => 4 }, 1, 256);
        var journal = new Option<string>("--journal") { Description = "The journal file (default: <out-dir>/.batch.db). Rerun with the same one to resume.", HelpName = "file" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and print each line's credits and the total; send nothing." };
        var usdPerSecond = new Option<string[]>("--usd-per-second")
        {
            Description = "The per-second USD rate of channels whose spec leaves it to configuration (reAPI's), for credit estimates: X for all of them, model=X for one (repeatable; default: " + UsdRates.Variable + ", comma-separated).",
            HelpName = "[model=]X",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var resubmitUnknown = new Option<bool>("--resubmit-unknown") { Description = "Send again the lines whose earlier submit has an unknown outcome (check your recent tasks first: each may have billed)." };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Send again the lines that failed in an earlier run (a failed task, or a submit the API rejected); each accepted resubmit bills anew." };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Run the valid lines even if some are invalid (they are reported and skipped)." };
        var report = new Option<string>("--report") { Description = "Write a JSON report of every line to this file.", HelpName = "file" };
        var command = new Command("batch", "Run many requests (any loaded models) to downloaded videos, validated first, journaled so that a rerun resumes without paying twice.")
        {
            jobs, outDir, concurrency, journal, dryRun, usdPerSecond, resubmitUnknown, retryFailed, skipInvalid, report,
        };
        session.AddConnectionTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            session,
            parseResult,
            new BatchArguments(
                parseResult.GetRequiredValue(jobs),
                parseResult.GetRequiredValue(outDir),
                parseResult.GetValue(concurrency),
                parseResult.GetValue(journal),
                parseResult.GetValue(dryRun),
                parseResult.GetValue(usdPerSecond),
                parseResult.GetValue(resubmitUnknown),
                parseResult.GetValue(retryFailed),
                parseResult.GetValue(skipInvalid),
                parseResult.GetValue(report)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, SessionOptions session, ParseResult parseResult, BatchArguments args, CancellationToken cancellationToken)
    {
        var (catalog, _) = session.LoadCatalog(parseResult, context.Environment);
        var rates = UsdRates.Parse(args.UsdPerSecond, context.Environment.GetVariable, catalog);
        var lines = JobFile.Read(args.Jobs, catalog, rates, context.Environment);
        var invalid = lines.Where(l => !l.IsValid).ToList();
        foreach (var line in lines)
        {
            foreach (var warning in line.Warnings)
            {
                await context.Error.WriteLineAsync($"warning: line {line.Line}: {warning}").ConfigureAwait(false);
            }

            foreach (var problem in line.Problems)
            {
                await context.Error.WriteLineAsync($"invalid: line {line.Line}: {problem}").ConfigureAwait(false);
            }
        }

        if (invalid.Count > 0 && !args.SkipInvalid)
        {
            await context.Error.WriteLineAsync($"{CliApp.Name}: {invalid.Count} of {lines.Count} lines are invalid; nothing was sent (fix them, or pass --skip-invalid to run the others)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var valid = lines.Where(l => l.IsValid).ToList();
        if (args.DryRun)
        {
            await WriteCostTableAsync(context, valid, invalid.Count).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (valid.Count == 0)
        {
            throw new CliUsageException("no valid lines to run");
        }

        var outputDirectory = FullPath(args.OutDir, "--out-dir");
        var reportPath = args.Report is null ? null : TaskSession.CheckOutputPath(args.Report, "--report", "the report file");
        var channels = valid.Select(l => l.Request!.Channel).Distinct().ToList();
        using var client = session.CreateClient(context, parseResult, channels[0]);
        foreach (var other in channels.Skip(1))
        {
            try
            {
                _ = client.GetBaseUrl(other);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                throw new CliUsageException(ex.Message, ex);
            }
        }

        try
        {
            Directory.CreateDirectory(outputDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--out-dir: cannot create '{args.OutDir}': {CliApp.OneLine(ex.Message)}", ex);
        }

        var journalPath = args.Journal is null ? SqliteBatchJournal.DefaultPath(outputDirectory) : FullPath(args.Journal, "--journal");
        var items = valid.Select(l => new BatchItem(l.Key, l.Line, l.Request!, l.Credits)).ToList();
        var view = new BatchProgressView(context, $"batch: {items.Count} lines ({invalid.Count} invalid skipped) -> {outputDirectory}, journal {journalPath}, concurrency {args.Concurrency}");
        var options = new BatchRunnerOptions
        {
            OutputDirectory = outputDirectory,
            MaxConcurrency = args.Concurrency,
            ResubmitUnknown = args.ResubmitUnknown,
            RetryFailed = args.RetryFailed,
            ScheduleFor = channel => session.ScheduleFor(parseResult, channel),
            Progress = view,
        };

        BatchResult result;
        try
        {
            using var journal = new SqliteBatchJournal(journalPath);
            var runner = new BatchRunner(client, journal, options);
            result = await view.ShowAsync(() => runner.RunAsync(items, cancellationToken)).ConfigureAwait(false);
        }
        catch (BatchJournalException ex)
        {
            throw new CliUsageException(ex.Message, ex);
        }

        await WriteSummaryAsync(context, result, invalid.Count).ConfigureAwait(false);
        if (reportPath is not null)
        {
            try
            {
                BatchReport.Write(reportPath, args.Jobs, outputDirectory, journalPath, lines, result);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync($"{CliApp.Name}: cannot write the report '{args.Report}': {CliApp.OneLine(ex.Message)}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        }

        if (result.Cancelled)
        {
            return ExitCodes.Interrupted;
        }

        return result.AllDownloaded && invalid.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task WriteSummaryAsync(CliContext context, BatchResult result, int invalid)
    {
        foreach (var line in result.Lines)
        {
            await context.Out.WriteLineAsync(BatchProgressView.Describe(line)).ConfigureAwait(false);
        }

        var counts = result.Counts;
        var parts = new List<string> { $"{counts[BatchLineState.Downloaded]} of {counts.Total} downloaded" };
        if (counts[BatchLineState.Failed] > 0)
        {
            parts.Add($"{counts[BatchLineState.Failed]} failed");
        }

        var unknown = result.Unknown;
        if (unknown.Count > 0)
        {
            parts.Add($"{unknown.Count} unknown");
        }

        var unfinished = counts.Total - counts[BatchLineState.Downloaded] - counts[BatchLineState.Failed] - unknown.Count;
        if (unfinished > 0)
        {
            parts.Add($"{unfinished} not finished");
        }

        if (invalid > 0)
        {
            parts.Add($"{invalid} invalid skipped");
        }

        parts.Add($"{counts.CreditsSpent.ToString("N0", CultureInfo.InvariantCulture)} credits spent" + (counts.CreditsRefunded > 0 ? $" ({counts.CreditsRefunded.ToString("N0", CultureInfo.InvariantCulture)} refunded)" : string.Empty));
        await context.Error.WriteLineAsync($"batch: {string.Join(", ", parts)} in {result.Elapsed.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s").ConfigureAwait(false);
        if (result.StopReason is not null)
        {
            await context.Error.WriteLineAsync($"{CliApp.Name}: the batch stopped submitting: {result.StopReason}").ConfigureAwait(false);
        }

        if (unknown.Count > 0)
        {
            await context.Error.WriteLineAsync($"unknown: line(s) {string.Join(", ", unknown.Select(u => u.Line))}: a submit may have created a task (and billed) without its answer being recorded. Check your recent tasks or the dashboard; rerun with --resubmit-unknown only for those that do not exist.").ConfigureAwait(false);
        }

        if (result.Cancelled || unfinished > 0)
        {
            await context.Error.WriteLineAsync("rerun the same command to resume: submitted lines are polled, not sent again").ConfigureAwait(false);
        }
    }

    private static async Task WriteCostTableAsync(CliContext context, List<JobLine> lines, int invalid)
    {
        var modelWidth = Math.Max(5, lines.Max(l => l.Model?.Length ?? 0));
        await context.Out.WriteLineAsync($"{"line",6}  {"model".PadRight(modelWidth)}  {"units",7}  {"credits",10}  {"usd",10}").ConfigureAwait(false);
        long total = 0;
        decimal usd = 0;
        var unpriced = 0;
        foreach (var line in lines)
        {
            var units = line.Units?.ToString(CultureInfo.InvariantCulture) ?? "-";
            var credits = line.Credits?.ToString("N0", CultureInfo.InvariantCulture) ?? "?";
            var dollars = line.Credits is { } c && line.CreditUsd is { } unit ? (c * unit).ToString("0.00##", CultureInfo.InvariantCulture) : "?";
            total += line.Credits ?? 0;
            usd += line.Credits is { } c2 && line.CreditUsd is { } unit2 ? c2 * unit2 : 0;
            unpriced += line.Credits is null ? 1 : 0;
            await context.Out.WriteLineAsync($"{line.Line,6}  {(line.Model ?? string.Empty).PadRight(modelWidth)}  {units,7}  {credits,10}  {dollars,10}").ConfigureAwait(false);
        }

        await context.Out.WriteLineAsync($"total: {lines.Count} lines, {total.ToString("N0", CultureInfo.InvariantCulture)} credits ({usd.ToString("0.00##", CultureInfo.InvariantCulture)} USD)" + (unpriced > 0 ? $", {unpriced} not priced" : string.Empty)).ConfigureAwait(false);
        foreach (var group in lines.Where(l => l.Unpriced is not null).GroupBy(l => l.Unpriced))
        {
            var numbers = string.Join(", ", group.Select(l => l.Line.ToString(CultureInfo.InvariantCulture)));
            await context.Error.WriteLineAsync($"not priced: line(s) {numbers}: {group.Key}").ConfigureAwait(false);
        }

        await context.Error.WriteLineAsync($"dry run: {lines.Count} valid line(s){(invalid > 0 ? $", {invalid} invalid skipped" : string.Empty)}; nothing was sent").ConfigureAwait(false);
    }

    private static string FullPath(string path, string option)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliUsageException($"{option}: '{path}' is not a valid path", ex);
        }
    }

    private sealed record BatchArguments(string Jobs, string OutDir, int Concurrency, string? Journal, bool DryRun, string[]? UsdPerSecond, bool ResubmitUnknown, bool RetryFailed, bool SkipInvalid, string? Report);
}
