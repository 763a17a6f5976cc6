namespace GrokContracts;

/// <summary>
/// A task's <c>status</c>, parsed. The wire value is kept as a string on <see cref="VideoTask.Status"/>; a value this
/// version does not know becomes <see cref="Unknown"/> (forward compatible: it never throws).
/// </summary>
public enum VideoTaskStatus
{
    /// <summary>A status this version of the client does not know; the task is treated as still running.</summary>
    Unknown = 0,

    /// <summary><c>processing</c>: submitted and not finished yet.</summary>
    Processing,

    /// <summary><c>completed</c>: the video is ready under <see cref="VideoTask.Output"/>.</summary>
    Completed,

    /// <summary><c>failed</c>: the task failed (and was refunded); see <see cref="VideoTask.Error"/>.</summary>
    Failed,
}
