using System;
using System.Collections.Generic;
using System.Linq;

namespace GrokContracts;

/// <summary>How a batch run ended: every line's last journal entry, in input order, and why the run stopped early (if it did).</summary>
public sealed class BatchResult
{
    /// <summary>Creates the result.</summary>
    public BatchResult(IReadOnlyList<BatchJournalEntry> lines, BatchCounts counts, string? stopReason, bool cancelled, TimeSpan elapsed)
    {
        Lines = lines ?? throw new ArgumentNullException(nameof(lines));
        Counts = counts ?? throw new ArgumentNullException(nameof(counts));
        StopReason = stopReason;
        Cancelled = cancelled;
        Elapsed = elapsed;
    }

    /// <summary>Every line's last journal entry, in input order.</summary>
    public IReadOnlyList<BatchJournalEntry> Lines { get; }

    /// <summary>Lines per state and credits at the end.</summary>
    public BatchCounts Counts { get; }

    /// <summary>Why the run stopped submitting (e.g. the API key was refused, or no credit left); null when it did not.</summary>
    public string? StopReason { get; }

    /// <summary>The run was cancelled; the journal says where each line stands, and a rerun resumes.</summary>
    public bool Cancelled { get; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>True when every line is downloaded.</summary>
    public bool AllDownloaded => Lines.All(l => l.State == BatchLineState.Downloaded);

    /// <summary>Lines whose submit has an unknown outcome: check the account's recent tasks before resubmitting them.</summary>
    public IReadOnlyList<BatchJournalEntry> Unknown => Lines.Where(l => l.State is BatchLineState.Unknown or BatchLineState.Submitting).ToList();

    /// <summary>Lines that failed (rejected by the API, or the task failed).</summary>
    public IReadOnlyList<BatchJournalEntry> Failed => Lines.Where(l => l.State == BatchLineState.Failed).ToList();
}
