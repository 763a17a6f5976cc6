using System;
using System.Collections.Generic;

namespace GrokContracts;

/// <summary>One journaled state change of a batch line, with the batch's counts right after it.</summary>
public sealed class BatchEvent
{
    /// <summary>Creates an event.</summary>
    public BatchEvent(BatchJournalEntry entry, BatchLineState? previous, BatchCounts counts, TimeSpan elapsed)
    {
        Entry = entry ?? throw new ArgumentNullException(nameof(entry));
        Previous = previous;
        Counts = counts ?? throw new ArgumentNullException(nameof(counts));
        Elapsed = elapsed;
    }

    /// <summary>The line's new journal entry.</summary>
    public BatchJournalEntry Entry { get; }

    /// <summary>The line's state before, or null for the snapshot reported when a run starts.</summary>
    public BatchLineState? Previous { get; }

    /// <summary>Lines per state and credits after this change.</summary>
    public BatchCounts Counts { get; }

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed { get; }
}

/// <summary>Lines per state and credits of a batch at one moment.</summary>
public sealed class BatchCounts
{
    private readonly Dictionary<BatchLineState, int> _byState;

    /// <summary>Creates the counts.</summary>
    public BatchCounts(IReadOnlyDictionary<BatchLineState, int> byState, long creditsAccepted, long creditsRefunded, int total)
    {
        _byState = new Dictionary<BatchLineState, int>();
        foreach (var pair in byState ?? throw new ArgumentNullException(nameof(byState)))
        {
            _byState[pair.Key] = pair.Value;
        }

        CreditsAccepted = creditsAccepted;
        CreditsRefunded = creditsRefunded;
        Total = total;
    }

    /// <summary>All lines of the run.</summary>
    public int Total { get; }

    /// <summary>Estimated credits of every line the API accepted (a task id is journaled).</summary>
    public long CreditsAccepted { get; }

    /// <summary>Of those, the credits of failed tasks that their channel refunds.</summary>
    public long CreditsRefunded { get; }

    /// <summary>Credits spent so far: accepted minus refunded.</summary>
    public long CreditsSpent => CreditsAccepted - CreditsRefunded;

    /// <summary>How many lines are in <paramref name="state"/>.</summary>
    public int this[BatchLineState state] => _byState.TryGetValue(state, out var count) ? count : 0;
}
