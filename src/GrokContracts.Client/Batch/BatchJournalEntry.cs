namespace GrokContracts;

/// <summary>What a journal knows about one batch line: its last recorded state and the facts gathered so far.</summary>
public sealed record BatchJournalEntry
{
    /// <summary>
    /// The entry a journal starts a line with: <see cref="BatchLineState.Validated"/>, nothing sent yet (what every
    /// <see cref="IBatchJournal"/> records for a line it has not seen).
    /// </summary>
    public static BatchJournalEntry Validated(BatchItem item)
    {
        if (item is null)
        {
            throw new System.ArgumentNullException(nameof(item));
        }

        return new BatchJournalEntry
        {
            Key = item.Key,
            Line = item.Line,
            Model = item.Request.ModelId,
            BodySha256 = item.BodySha256,
            State = BatchLineState.Validated,
            Credits = item.EstimatedCredits,
        };
    }

    /// <summary>The item's key.</summary>
    public required string Key { get; init; }

    /// <summary>The 1-based line number in the input.</summary>
    public required int Line { get; init; }

    /// <summary>The model id of the line's request.</summary>
    public required string Model { get; init; }

    /// <summary>SHA-256 of the request body the line was journaled with (see <see cref="BatchItem.BodySha256"/>).</summary>
    public required string BodySha256 { get; init; }

    /// <summary>The last recorded state.</summary>
    public required BatchLineState State { get; init; }

    /// <summary>The task id once the API accepted the submit.</summary>
    public string? TaskId { get; init; }

    /// <summary>The video URL of a completed task (it expires: a resumed download polls for a fresh one).</summary>
    public string? VideoUrl { get; init; }

    /// <summary>The API's error code of a rejected request or failed task.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>The API's error message of a rejected request or failed task.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The video file (full path) once downloading started.</summary>
    public string? Path { get; init; }

    /// <summary>The video's size in bytes once downloaded.</summary>
    public long? Size { get; init; }

    /// <summary>The video's SHA-256 (lower-case hex) once downloaded.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Estimated credits of the request, when known.</summary>
    public long? Credits { get; init; }

    /// <summary>How many submits were sent for the line (including ones not accepted).</summary>
    public int SubmitAttempts { get; init; }

    /// <summary>Why the line is where it is, for people (e.g. "429: retrying after 2 s", "refunded").</summary>
    public string? Note { get; init; }
}
