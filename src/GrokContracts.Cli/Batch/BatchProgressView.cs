using System;
using System.Globalization;
using System.Threading.Tasks;
using Spectre.Console;

namespace GrokContracts.Cli.Batch;

/// <summary>
/// How a batch run shows its progress on stderr: a Spectre.Console live table (lines per state, credits spent, ETA) on
/// an interactive terminal, otherwise one line per journaled event (what scripts, logs and tests read).
/// </summary>
internal sealed class BatchProgressView : IProgress<BatchEvent>
{
    private static readonly BatchLineState[] Shown =
    [
        BatchLineState.Validated, BatchLineState.Submitting, BatchLineState.Submitted, BatchLineState.Completed,
        BatchLineState.Downloading, BatchLineState.Downloaded, BatchLineState.Failed, BatchLineState.Unknown,
    ];

    private readonly object gate = new();
    private readonly IAnsiConsole console;
    private readonly System.IO.TextWriter lines;
    private readonly bool live;
    private BatchEvent? latest;
    private int finishedAtStart = -1;

    private string? header;

    /// <param name="context">Where to write.</param>
    /// <param name="header">A line written before the first event when not live (once the journal is open, so a journal error stays the only line).</param>
    public BatchProgressView(CliContext context, string header)
    {
        this.header = header;
        console = context.CreateStatusConsole();
        lines = context.Error;
        live = console.Profile.Capabilities.Interactive;
    }

    /// <summary>The word a state is shown with.</summary>
    public static string Word(BatchLineState state) => state switch
    {
        BatchLineState.Validated => "pending",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>One line for a line's entry: its state, task, file or error, and the note.</summary>
    public static string Describe(BatchJournalEntry entry)
    {
        var text = $"line {entry.Line.ToString(CultureInfo.InvariantCulture)}: {Word(entry.State)}";
        text += entry.State switch
        {
            BatchLineState.Submitted or BatchLineState.Completed => " " + entry.TaskId,
            BatchLineState.Downloaded => $" {entry.TaskId} -> {entry.Path} ({entry.Size?.ToString("N0", CultureInfo.InvariantCulture)} bytes)",
            BatchLineState.Failed => (entry.TaskId is null ? string.Empty : " " + entry.TaskId) + (entry.ErrorCode is { } code ? " " + code.ToString(CultureInfo.InvariantCulture) : string.Empty) + (entry.ErrorMessage is null ? string.Empty : " " + entry.ErrorMessage),
            _ => string.Empty,
        };
        return entry.Note is null ? text : text + " (" + entry.Note + ")";
    }

    public void Report(BatchEvent value)
    {
        lock (gate)
        {
            latest = value;
            if (finishedAtStart < 0 && value.Previous is not null)
            {
                finishedAtStart = Finished(value.Counts) - (IsFinished(value.Entry.State) ? 1 : 0);
            }

            if (!live && header is not null)
            {
                lines.WriteLine(header);
                header = null;
            }

            // The snapshot of a resumed run is not repeated line by line.
            if (!live && value.Previous is not null)
            {
                // Plain lines, not the console's: it would wrap them at its width.
                lines.WriteLine(Describe(value.Entry));
                lines.Flush();
            }
        }
    }

    /// <summary>Runs <paramref name="run"/> while showing progress; returns its result.</summary>
    public async Task<BatchResult> ShowAsync(Func<Task<BatchResult>> run)
    {
        if (!live)
        {
            return await run().ConfigureAwait(false);
        }

        BatchResult? result = null;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("state").AddColumn(new TableColumn("lines").RightAligned());
        await console.Live(table).AutoClear(false).StartAsync(async context =>
        {
            var running = run();
            while (!running.IsCompleted)
            {
                Fill(table);
                context.Refresh();
                await Task.WhenAny(running, Task.Delay(250)).ConfigureAwait(false);
            }

            Fill(table);
            context.Refresh();
            result = await running.ConfigureAwait(false);
        }).ConfigureAwait(false);
        return result!;
    }

    private void Fill(Table table)
    {
        BatchEvent? snapshot;
        int baseline;
        lock (gate)
        {
            snapshot = latest;
            baseline = Math.Max(finishedAtStart, 0);
        }

        table.Rows.Clear();
        if (snapshot is null)
        {
            return;
        }

        var counts = snapshot.Counts;
        foreach (var state in Shown)
        {
            table.AddRow(Word(state), counts[state].ToString(CultureInfo.InvariantCulture));
        }

        table.AddRow("[bold]credits spent[/]", counts.CreditsSpent.ToString("N0", CultureInfo.InvariantCulture));
        var finished = Finished(counts);
        var done = finished - baseline;
        var remaining = counts.Total - finished;
        var eta = done > 0 && remaining > 0
            ? TimeSpan.FromSeconds(snapshot.Elapsed.TotalSeconds / done * remaining).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture)
            : remaining == 0 ? "done" : "-";
        table.AddRow("[bold]ETA[/]", eta);
    }

    private static bool IsFinished(BatchLineState state) => state is BatchLineState.Downloaded or BatchLineState.Failed or BatchLineState.Unknown;

    private static int Finished(BatchCounts counts) => counts[BatchLineState.Downloaded] + counts[BatchLineState.Failed] + counts[BatchLineState.Unknown];
}
