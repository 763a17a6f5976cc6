using System;

namespace GrokContracts;

/// <summary>
/// The task ended in a status word that means failed on its channel (refunded where the channel's pricing says
/// <see cref="ChannelPricing.RefundsFailed"/>). Holds its <c>error.code</c> and message.
/// </summary>
public sealed class TaskFailedException : ReapiException
{
    /// <summary>Creates the exception from the failed task's envelope.</summary>
    public TaskFailedException(VideoTask task, string message)
        : base(message, null, task?.Error?.Code, null)
    {
        Task = task ?? throw new ArgumentNullException(nameof(task));
    }

    /// <summary>The failed task's envelope.</summary>
    public VideoTask Task { get; }

    /// <summary>The failed task's id.</summary>
    public string TaskId => Task.Id;

    /// <summary>The task's <c>error.message</c> (empty if the server sent none).</summary>
    public string ErrorMessage => Task.Error?.Message ?? string.Empty;
}

/// <summary>The task was still not terminal when the polling schedule's timeout (the channel spec's, unless overridden) ran out.</summary>
public sealed class TaskWaitTimeoutException : ReapiException
{
    /// <summary>Creates the exception.</summary>
    public TaskWaitTimeoutException(VideoTask lastSeen, TimeSpan waited)
        : base("Task " + lastSeen?.Id + " was still '" + lastSeen?.Status + "' after waiting " + waited + ".")
    {
        LastSeen = lastSeen ?? throw new ArgumentNullException(nameof(lastSeen));
        Waited = waited;
    }

    /// <summary>The last envelope seen.</summary>
    public VideoTask LastSeen { get; }

    /// <summary>How long the client waited.</summary>
    public TimeSpan Waited { get; }
}
