namespace GrokContracts;

/// <summary>
/// Where a batch line stands, as its journal records it. Each side effect (a submit, a download) is journaled before
/// it starts and after it ends, so a run that stops anywhere resumes from the last recorded state.
/// </summary>
public enum BatchLineState
{
    /// <summary>Checked against its contract and journaled; never sent (or sent and not accepted: 429, 401, 402, 5xx).</summary>
    Validated,

    /// <summary>A submit is (or was) in flight. Found on resume, it means the outcome is unknown.</summary>
    Submitting,

    /// <summary>Accepted: the API answered with a task id. The task bills; it is polled, never sent again.</summary>
    Submitted,

    /// <summary>The task succeeded; its video URL is known.</summary>
    Completed,

    /// <summary>The API rejected the request (400, not billed), or the task failed (refunded when the channel refunds).</summary>
    Failed,

    /// <summary>The video is being written to a <c>.part</c> file.</summary>
    Downloading,

    /// <summary>The video is on disk, with its size and SHA-256 journaled.</summary>
    Downloaded,

    /// <summary>
    /// A submit may have reached the API but no answer was recorded: the task may exist and bill. It is never sent again
    /// automatically; check the account's recent tasks, then rerun with <c>ResubmitUnknown</c> if it does not exist.
    /// </summary>
    Unknown,
}
