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

    private readonly object _gate = new();
    private readonly IAnsiConsole _console;
    private readonly System.IO.TextWriter _lines;
    private readonly bool _live;
    private BatchEvent? _latest;
    private int _finishedAtStart = -1;

    private string? _header;

    /// <param name="context">Where to write.</param>
    /// <param name="header">A line written before the first event when not live (once the journal is open, so a journal error stays the only line).</param>
    public BatchProgressView(CliContext context, string header)
    {
        _header = header;
        _console = context.CreateStatusConsole();
        _lines = context.Error;
        _live = _console.Profile.Capabilities.Interactive;
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
        lock (_gate)
        {
            _latest = value;
            if (_finishedAtStart < 0 && value.Previous is not null)
            {
                _finishedAtStart = Finished(value.Counts) - (IsFinished(value.Entry.State) ? 1 : 0);
            }

            if (!_live && _header is not null)
            {
                _lines.WriteLine(_header);
                _header = null;
            }

            // The snapshot of a resumed run is not repeated line by line.
            if (!_live && value.Previous is not null)
            {
                // Plain lines, not the console's: it would wrap them at its width.
                _lines.WriteLine(Describe(value.Entry));
                _lines.Flush();
            }
        }
    }

    /// <summary>Runs <paramref name="run"/> while showing progress; returns its result.</summary>
    public async Task<BatchResult> ShowAsync(Func<Task<BatchResult>> run)
    {
        if (!_live)
        {
            return await run().ConfigureAwait(false);
        }

        BatchResult? result = null;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("state").AddColumn(new TableColumn("lines").RightAligned());
        await _console.Live(table).AutoClear(false).StartAsync(async context =>
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
        lock (_gate)
        {
            snapshot = _latest;
            baseline = Math.Max(_finishedAtStart, 0);
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
