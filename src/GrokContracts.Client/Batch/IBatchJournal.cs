using System;
using System.Collections.Generic;

namespace GrokContracts;

/// <summary>
/// Where a <see cref="BatchRunner"/> records each line's state transitions, durably, before and after every side
/// effect. <see cref="SqliteBatchJournal"/> is the one shipped; a job engine can implement it over its own storage.
/// </summary>
/// <remarks>Implementations must be safe to call from several threads; a call returns only once the record is durable.</remarks>
public interface IBatchJournal : IDisposable
{
    /// <summary>
    /// Opens the journal for <paramref name="items"/>: refuses a journal written for another input, records items it
    /// has not seen as <see cref="BatchLineState.Validated"/>, and returns every item's last entry (in item order).
    /// </summary>
    /// <exception cref="BatchJournalException">The journal is unreadable, locked by another run, or from another input.</exception>
    IReadOnlyList<BatchJournalEntry> Open(IReadOnlyList<BatchItem> items);

    /// <summary>Records a transition: <paramref name="entry"/> becomes the line's last entry (its key must be known).</summary>
    /// <exception cref="BatchJournalException">The journal can no longer be written.</exception>
    void Record(BatchJournalEntry entry);
}

/// <summary>Why a journal cannot be used.</summary>
public enum BatchJournalProblem
{
    /// <summary>The file is not a readable batch journal (damaged, truncated, or another kind of file).</summary>
    Corrupt,

    /// <summary>Another run holds the journal.</summary>
    Locked,

    /// <summary>The journal was written for another input: a line it holds is missing or differs.</summary>
    DifferentInput,

    /// <summary>The journal cannot be created or written (permissions, disk full, ...).</summary>
    Unwritable,
}

/// <summary>
/// The journal cannot be used. A batch never starts over silently: starting over could submit (and bill) every line
/// again, so the caller must decide (e.g. remove the journal, or pass another one).
/// </summary>
public sealed class BatchJournalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BatchJournalException(BatchJournalProblem problem, string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
        JournalPath = path;
    }

    /// <summary>What is wrong.</summary>
    public BatchJournalProblem Problem { get; }

    /// <summary>The journal's location.</summary>
    public string JournalPath { get; }
}
