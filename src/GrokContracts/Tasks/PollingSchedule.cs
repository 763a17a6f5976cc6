using System;

namespace GrokContracts;

/// <summary>
/// When to poll a task, after the reference's recommended pattern: every 5 s for the first 5 minutes, then backing
/// off gradually toward 1 minute until 1 hour, then every 3 minutes; give up after 48 hours (the worker's
/// wall-clock cap). Every figure is configurable with an object initialiser:
/// <c>new PollingSchedule { InitialInterval = TimeSpan.FromSeconds(2) }</c>.
/// </summary>
public sealed class PollingSchedule
{
    /// <summary>The reference's recommended schedule.</summary>
    public static PollingSchedule Default { get; } = new PollingSchedule();

    /// <summary>The interval of the first phase (default 5 s).</summary>
    public TimeSpan InitialInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the first phase lasts (default 5 minutes).</summary>
    public TimeSpan InitialPhase { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How fast the interval grows after the first phase: seconds of interval added per second of waiting
    /// (default 0.1, i.e. 6 s more per minute, reaching <see cref="BackoffCeiling"/> about 9 minutes into the phase).
    /// </summary>
    public double BackoffRate { get; init; } = 0.1;

    /// <summary>The interval the backoff grows toward (default 1 minute).</summary>
    public TimeSpan BackoffCeiling { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>When the backoff phase ends (default 1 hour after waiting started).</summary>
    public TimeSpan BackoffPhaseEnd { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The interval after <see cref="BackoffPhaseEnd"/> (default 3 minutes).</summary>
    public TimeSpan LateInterval { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Give up waiting after this long (default 48 hours, the worker's wall-clock cap).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(48);

    /// <summary>
    /// How many polls in a row may fail with a transient error (429, 5xx, connection) after the HTTP retries before
    /// waiting gives up (default 3). A transient failure only postpones the next poll.
    /// </summary>
    public int MaxConsecutiveFailedPolls { get; init; } = 3;

    /// <summary>The interval before the next poll, given the time spent waiting so far.</summary>
    public TimeSpan GetInterval(TimeSpan elapsed)
    {
        if (elapsed < InitialPhase)
        {
            return InitialInterval;
        }

        if (elapsed < BackoffPhaseEnd)
        {
            var grown = InitialInterval.TotalSeconds + ((elapsed - InitialPhase).TotalSeconds * BackoffRate);
            var ceiling = Math.Max(BackoffCeiling.TotalSeconds, InitialInterval.TotalSeconds);
            return TimeSpan.FromSeconds(Math.Min(grown, ceiling));
        }

        return LateInterval;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> if a figure is zero/negative where it must not be.</summary>
    public void Validate()
    {
        if (InitialInterval <= TimeSpan.Zero || BackoffCeiling <= TimeSpan.Zero || LateInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialInterval), "Polling intervals must be positive.");
        }

        if (Timeout <= TimeSpan.Zero || InitialPhase < TimeSpan.Zero || BackoffPhaseEnd < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), "Polling phases and the timeout must not be negative.");
        }

        if (BackoffRate < 0 || double.IsNaN(BackoffRate) || MaxConsecutiveFailedPolls < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BackoffRate), "The backoff rate and failure budget must not be negative.");
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        "every " + InitialInterval + " until " + InitialPhase + ", backing off toward " + BackoffCeiling + " until " + BackoffPhaseEnd + ", then every " + LateInterval + "; timeout " + Timeout;
}
