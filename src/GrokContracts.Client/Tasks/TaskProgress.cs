using System;

namespace GrokContracts;

/// <summary>What a wait (<c>GrokContractsClient.WaitForCompletionAsync</c>, <c>GenerateAsync</c>) reports after each poll.</summary>
public sealed class TaskProgress
{
    /// <summary>Creates a progress report.</summary>
    public TaskProgress(VideoTask task, int pollCount, TimeSpan elapsed, TimeSpan? nextPollIn)
    {
        Task = task ?? throw new ArgumentNullException(nameof(task));
        PollCount = pollCount;
        Elapsed = elapsed;
        NextPollIn = nextPollIn;
    }

    /// <summary>The envelope of the latest poll.</summary>
    public VideoTask Task { get; }

    /// <summary>The task id.</summary>
    public string TaskId => Task.Id;

    /// <summary>The latest wire status.</summary>
    public string Status => Task.Status;

    /// <summary>The latest parsed status.</summary>
    public VideoTaskStatus StatusKind => Task.StatusKind;

    /// <summary>How many polls answered so far (1 after the first).</summary>
    public int PollCount { get; }

    /// <summary>Time since waiting started (by the client's <see cref="TimeProvider"/>).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>When the next poll is due, or null when the task is terminal.</summary>
    public TimeSpan? NextPollIn { get; }

    /// <inheritdoc />
    public override string ToString() => TaskId + ": " + Status + " after " + Elapsed.ToString() + " (" + PollCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + " polls)";
}
