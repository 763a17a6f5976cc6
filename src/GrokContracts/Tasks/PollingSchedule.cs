using System;
using System.Collections.Generic;
using System.Text;

namespace GrokContracts;

/// <summary>
/// When to poll a task: phases in time order (each with an interval, the last one open-ended) and a timeout, as a
/// channel's spec states them in <c>polling:</c>. A channel's schedule is <see cref="ChannelDescriptor.Polling"/>; the
/// client follows it unless its options or the call give another.
/// </summary>
/// <remarks>
/// <para>A phase with <see cref="PollingPhase.Gradual"/> grows the interval <b>linearly in elapsed time</b>: at the
/// phase's start (the previous phase's end) the interval is the previous phase's <see cref="PollingPhase.Every"/>, at its
/// end (<see cref="PollingPhase.Until"/>) it is its own, and in between it is interpolated. So reAPI's "every 5 s for
/// 5 minutes, then gradually toward 1 minute until 1 hour" polls every 5 s at minute 5, about every 32 s at minute 32
/// and every minute at the hour.</para>
/// <para>The interval at an elapsed time is the one of the phase that time falls in; a poll scheduled across a phase
/// boundary is not moved back.</para>
/// </remarks>
public sealed class PollingSchedule
{
    private readonly PollingPhase[] _phases;

    /// <summary>Creates a schedule.</summary>
    /// <param name="phases">At least one phase, in time order; every phase but the last ends (<c>Until</c>), later than the one before.</param>
    /// <param name="timeout">How long to wait in all, since the submit.</param>
    /// <exception cref="ArgumentException">The phases are empty, out of order, or a gradual phase has nothing to grow from or toward.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive.</exception>
    public PollingSchedule(IEnumerable<PollingPhase> phases, TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
        }

        _phases = new List<PollingPhase>(phases ?? throw new ArgumentNullException(nameof(phases))).ToArray();
        if (_phases.Length == 0)
        {
            throw new ArgumentException("A polling schedule has at least one phase.", nameof(phases));
        }

        var previousEnd = TimeSpan.Zero;
        for (var i = 0; i < _phases.Length; i++)
        {
            var phase = _phases[i] ?? throw new ArgumentException("A phase is null.", nameof(phases));
            var last = i == _phases.Length - 1;
            if (last != (phase.Until is null))
            {
                throw new ArgumentException("Every phase but the last needs an end, and the last has none.", nameof(phases));
            }

            if (phase.Until is { } until)
            {
                if (until <= previousEnd)
                {
                    throw new ArgumentException("Phase ends must increase.", nameof(phases));
                }

                previousEnd = until;
            }

            if (phase.Gradual && (i == 0 || last))
            {
                throw new ArgumentException("A gradual phase needs a phase before it and an end.", nameof(phases));
            }
        }

        Phases = Array.AsReadOnly(_phases);
        Timeout = timeout;
    }

    /// <summary>
    /// The documented default for a channel whose spec has no <c>polling:</c> section: every 10 seconds, for at most
    /// one hour. Not any API's advice; give the spec a <c>polling:</c> section (or the client options a schedule).
    /// </summary>
    public static PollingSchedule Fallback { get; } = new PollingSchedule(new[] { new PollingPhase(null, TimeSpan.FromSeconds(10)) }, TimeSpan.FromHours(1));

    /// <summary>The phases in time order; the last is open-ended.</summary>
    public IReadOnlyList<PollingPhase> Phases { get; }

    /// <summary>Give up waiting after this long since the submit.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// How many polls in a row may fail with a transient error (429, 5xx, connection) after the HTTP retries before
    /// waiting gives up (default 3). A transient failure only postpones the next poll. Client behaviour, not the spec's.
    /// </summary>
    public int MaxConsecutiveFailedPolls { get; init; } = 3;

    /// <summary>A schedule with every interval scaled by <paramref name="factor"/> and the same timeout (e.g. 0.01 for tests).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The factor is so small that two phase ends round to the same tick.</exception>
    public PollingSchedule Scale(double factor)
    {
        if (!(factor > 0) || double.IsInfinity(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be positive.");
        }

        var scaled = new PollingPhase[_phases.Length];
        for (var i = 0; i < _phases.Length; i++)
        {
            var p = _phases[i];
            scaled[i] = new PollingPhase(p.Until is { } u ? Multiply(u, factor) : null, Multiply(p.Every, factor), p.Gradual);
        }

        return new PollingSchedule(scaled, Multiply(Timeout, factor)) { MaxConsecutiveFailedPolls = MaxConsecutiveFailedPolls };
    }

    /// <summary>This schedule with another timeout.</summary>
    public PollingSchedule WithTimeout(TimeSpan timeout) => new(_phases, timeout) { MaxConsecutiveFailedPolls = MaxConsecutiveFailedPolls };

    /// <summary>The interval before the next poll, given the time since the submit.</summary>
    public TimeSpan GetInterval(TimeSpan elapsed)
    {
        var start = TimeSpan.Zero;
        for (var i = 0; i < _phases.Length; i++)
        {
            var phase = _phases[i];
            var end = phase.Until;
            if (end is null || elapsed < end.Value)
            {
                if (!phase.Gradual || end is null)
                {
                    return phase.Every;
                }

                var from = _phases[i - 1].Every;
                var progress = Math.Max(0d, (elapsed - start).Ticks / (double)(end.Value - start).Ticks);
                return TimeSpan.FromTicks(from.Ticks + (long)Math.Round((phase.Every.Ticks - from.Ticks) * progress));
            }

            start = end.Value;
        }

        return _phases[_phases.Length - 1].Every; // Unreachable: the last phase is open-ended.
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> if <see cref="MaxConsecutiveFailedPolls"/> is negative.</summary>
    public void Validate()
    {
        if (MaxConsecutiveFailedPolls < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConsecutiveFailedPolls), MaxConsecutiveFailedPolls, "The failure budget must not be negative.");
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var phase in _phases)
        {
            text.Append(phase).Append("; ");
        }

        return text.Append("timeout ").Append(Timeout).ToString();
    }

    private static TimeSpan Multiply(TimeSpan value, double factor) => TimeSpan.FromTicks(Math.Max(1L, (long)Math.Round(value.Ticks * factor)));
}
