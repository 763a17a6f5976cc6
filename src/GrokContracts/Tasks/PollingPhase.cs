using System;

namespace GrokContracts;

/// <summary>One phase of a <see cref="PollingSchedule"/>, as a spec's <c>polling.phases</c> entry states it.</summary>
public sealed class PollingPhase
{
    /// <summary>Creates a phase.</summary>
    /// <param name="until">Time since submit at which the phase ends; null for the last, open-ended phase.</param>
    /// <param name="every">The interval between polls (for a gradual phase: the interval reached at <paramref name="until"/>).</param>
    /// <param name="gradual">Whether the interval grows from the previous phase's toward <paramref name="every"/> over this phase.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="every"/> or <paramref name="until"/> is not positive.</exception>
    public PollingPhase(TimeSpan? until, TimeSpan every, bool gradual = false)
    {
        if (every <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(every), every, "A polling interval must be positive.");
        }

        if (until is { } end && end <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, "A phase must end after the submit.");
        }

        Until = until;
        Every = every;
        Gradual = gradual;
    }

    /// <summary>Time since submit at which the phase ends; null for the last phase.</summary>
    public TimeSpan? Until { get; }

    /// <summary>The interval between polls (the target interval of a gradual phase).</summary>
    public TimeSpan Every { get; }

    /// <summary>Whether the interval grows linearly from the previous phase's <see cref="Every"/> to this one's.</summary>
    public bool Gradual { get; }

    /// <inheritdoc />
    public override string ToString() =>
        (Gradual ? "growing to every " : "every ") + Every + (Until is { } until ? " until " + until : " from then on");
}
