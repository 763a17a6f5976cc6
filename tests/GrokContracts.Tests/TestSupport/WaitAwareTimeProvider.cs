using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace GrokContracts.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows when someone is waiting on it (a timer is pending), so a test
/// advances the clock only while the client sleeps: polls then happen exactly on schedule, however slow the machine.
/// </summary>
internal sealed class WaitAwareTimeProvider : TimeProvider
{
    private readonly ConcurrentDictionary<TrackedTimer, byte> _active = new();
    private int _pending;

    public WaitAwareTimeProvider(DateTimeOffset start)
    {
        Fake = new FakeTimeProvider(start);
    }

    public FakeTimeProvider Fake { get; }

    public int PendingTimers => Volatile.Read(ref _pending);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this) { Due = Due(dueTime) };
        _active[tracked] = 0;
        Interlocked.Increment(ref _pending);
        tracked.Inner = Fake.CreateTimer(
            s =>
            {
                if (period == Timeout.InfiniteTimeSpan)
                {
                    tracked.Release();
                }

                callback(s);
            },
            state,
            dueTime,
            period);
        return tracked;
    }

    /// <summary>Advances a step at a time, each only once the client is waiting; bounded in steps and real time.</summary>
    public async Task<T> DriveAsync<T>(Task<T> task, TimeSpan step, int maxSteps)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            for (var spin = 0; spin < 5000 && PendingTimers == 0 && !task.IsCompleted; spin++)
            {
                await Task.Delay(2);
            }

            if (!task.IsCompleted)
            {
                Fake.Advance(step);
            }
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Advances the clock, once the client is waiting, exactly to the earliest pending timer's due time: every poll
    /// then happens at the very instant the schedule says (no rounding to a step). Bounded in steps and real time.
    /// </summary>
    public async Task<T> DriveToTimersAsync<T>(Task<T> task, int maxSteps)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            for (var spin = 0; spin < 5000 && PendingTimers == 0 && !task.IsCompleted; spin++)
            {
                await Task.Delay(2);
            }

            if (task.IsCompleted)
            {
                break;
            }

            DateTimeOffset? earliest = null;
            foreach (var timer in _active.Keys)
            {
                if (timer.Due is { } due && (earliest is null || due < earliest))
                {
                    earliest = due;
                }
            }

            if (earliest is { } next)
            {
                var now = Fake.GetUtcNow();
                Fake.Advance(next > now ? next - now : TimeSpan.Zero);
            }
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>When a timer created now with <paramref name="dueTime"/> fires; null for one that never does.</summary>
    private DateTimeOffset? Due(TimeSpan dueTime) => dueTime == Timeout.InfiniteTimeSpan ? null : Fake.GetUtcNow() + dueTime;

    private sealed class TrackedTimer(WaitAwareTimeProvider owner) : ITimer
    {
        private int _released;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset? Due { get; set; }

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner._active.TryRemove(this, out _);
                Interlocked.Decrement(ref owner._pending);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Due = owner.Due(dueTime);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Release();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Release();
            return Inner.DisposeAsync();
        }
    }
}
