namespace GrokContracts;

/// <summary>
/// What a task's <c>status</c> word means on its channel, from the channel spec's <c>task.statuses</c>. The wire word
/// is kept on <c>VideoTask.Status</c> (GrokContracts.Client); a word the spec does not list becomes <see cref="Unknown"/> (forward
/// compatible: it never throws, and waiting goes on).
/// </summary>
public enum VideoTaskStatus
{
    /// <summary>A word the channel's spec does not list; the task is treated as still running.</summary>
    Unknown = 0,

    /// <summary>A word that means <c>pending</c>: submitted and not finished yet.</summary>
    Processing,

    /// <summary>A word that means <c>succeeded</c>: the video is ready under <c>VideoTask.Output</c>.</summary>
    Completed,

    /// <summary>A word that means <c>failed</c>: the task failed; see <c>VideoTask.Error</c>.</summary>
    Failed,
}
