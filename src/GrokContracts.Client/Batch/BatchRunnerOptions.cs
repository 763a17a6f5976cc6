using System;

namespace GrokContracts;

/// <summary>Settings of a <see cref="BatchRunner"/>.</summary>
public sealed class BatchRunnerOptions
{
    /// <summary>Where the videos go (created if missing): <c>&lt;key&gt;.mp4</c> unless <see cref="FileName"/> says otherwise.</summary>
    public string OutputDirectory { get; set; } = ".";

    /// <summary>How many lines are in flight at once (submitted and not yet downloaded); 1 to 256, default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// Send lines whose earlier submit has an unknown outcome again. Off by default: such a submit may have created (and
    /// billed) a task, so only someone who checked their recent tasks should turn it on.
    /// </summary>
    public bool ResubmitUnknown { get; set; }

    /// <summary>
    /// Send lines that failed in an earlier run again: a task that ended failed (refunded where the channel says so), or
    /// a submit the API rejected. Off by default: an accepted resubmit bills anew, and a request the API rejected (400) is
    /// rejected again unless its line was edited; a line that breaks its contract is stopped again by the client, unsent.
    /// </summary>
    public bool RetryFailed { get; set; }

    /// <summary>
    /// How many times one line is offered to the API when it is not accepted (429, or a connection that failed before
    /// anything was sent); default 8. After that the line stays unsent for a later run. A 5xx answer is not retried: the
    /// request reached the server, so the line is unknown.
    /// </summary>
    public int MaxSubmitAttempts { get; set; } = 8;

    /// <summary>The pause after a 429 that carries no <c>Retry-After</c> (default 2 s); other retries back off from it exponentially.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest pause between two submit attempts, whatever the server says (default 5 minutes).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The polling schedule of a channel's tasks; null (or returning null) means the client's choice (its options, else the channel's spec).</summary>
    public Func<ChannelDescriptor, PollingSchedule?>? ScheduleFor { get; set; }

    /// <summary>The video file name (no directory) of an item; default: its key with characters unsafe in file names replaced, plus <c>.mp4</c>.</summary>
    public Func<BatchItem, string>? FileName { get; set; }

    /// <summary>Receives every state change as it is journaled (called on the runner's threads, one call at a time).</summary>
    public IProgress<BatchEvent>? Progress { get; set; }

    /// <summary>The clock for pauses and elapsed times (replace it in tests).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
