using System;
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
    private int pending;

    public WaitAwareTimeProvider(DateTimeOffset start)
    {
        Fake = new FakeTimeProvider(start);
    }

    public FakeTimeProvider Fake { get; }

    public int PendingTimers => Volatile.Read(ref pending);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref pending);
        var tracked = new TrackedTimer(this);
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

    private sealed class TrackedTimer(WaitAwareTimeProvider owner) : ITimer
    {
        private int released;

        public ITimer Inner { get; set; } = null!;

        public void Release()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                Interlocked.Decrement(ref owner.pending);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => Inner.Change(dueTime, period);

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
