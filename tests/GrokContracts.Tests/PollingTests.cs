using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Emulator;
using GrokContracts.Tests.TestSupport;

namespace GrokContracts.Tests;

/// <summary>
/// Polling follows a schedule of phases (the channel's spec's, unless the options or the call give another), checked
/// on a fake clock shared by client and emulator. Expected intervals are computed from the documented definition
/// (<see cref="Expected"/>), not from <see cref="PollingSchedule.GetInterval"/>.
/// </summary>
public sealed class PollingTests
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeSeconds(1735000000);

    /// <summary>The shipped specs' schedule: every 5 s until 5 min, then growing linearly to 1 min at 1 h, then every 3 min; 48 h.</summary>
    private static PollingSchedule Shipped => GrokImagineVideo15Official.GrokImagineVideo15OfficialChannel.Descriptor.Polling!;

    [Fact]
    public async Task A_60_second_task_takes_12_polls_on_the_shipped_specs_schedule_and_is_seen_within_5_seconds()
    {
        var time = new WaitAwareTimeProvider(Epoch);
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { TimeProvider = time, CompletionDelay = TimeSpan.FromSeconds(60) });
        var options = TestClients.Options(emulator.BaseUrl, time: time);
        options.PollingSchedule = null; // the channel's own schedule, from its spec
        using var client = new GrokContractsClient(options);
        var start = time.GetUtcNow();
        var reports = new ConcurrentQueue<TaskProgress>();

        var waiting = client.GenerateAsync(TestClients.Official(), progress: new SyncProgress<TaskProgress>(reports.Enqueue));
        var done = await time.DriveAsync(waiting, TimeSpan.FromSeconds(1), maxSteps: 200);
        var seenAt = time.GetUtcNow() - start;

        Assert.Equal(VideoTaskStatus.Completed, done.StatusKind);
        Assert.Equal(12, emulator.PollRequestCount); // at 5, 10, ... 60 s
        Assert.Equal(Enumerable.Range(0, 13), reports.Select(r => r.PollCount));
        Assert.InRange(seenAt, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(65));
        Assert.All(reports.Where(r => r.NextPollIn is not null), r => Assert.Equal(TimeSpan.FromSeconds(5), r.NextPollIn!.Value));
    }

    [Fact]
    public async Task The_shipped_schedule_grows_linearly_after_five_minutes_and_honours_a_Retry_After_floor()
    {
        var time = new WaitAwareTimeProvider(Epoch);
        var stub = new StubHandler((_, n) => StubHandler.Json(
            HttpStatusCode.OK,
            StubHandler.Envelope(n >= 70 ? "completed" : "processing"),
            n == 3 ? [("Retry-After", "40")] : []));
        var options = TestClients.Options(new Uri("https://api.test.example"), time: time);
        options.PollingSchedule = null;
        using var client = new GrokContractsClient(options, stub);
        var reports = new ConcurrentQueue<TaskProgress>();

        var waiting = client.WaitForCompletionAsync(TestClients.OfficialChannel, "task_abc", progress: new SyncProgress<TaskProgress>(reports.Enqueue));
        await time.DriveToTimersAsync(waiting, maxSteps: 200);

        // Polls happen exactly when due, so each report's gap is the schedule's interval at that moment.
        var gaps = reports.Where(r => r.NextPollIn is not null).ToArray();
        Assert.Equal(TimeSpan.FromSeconds(40), gaps[2].NextPollIn); // the floor from Retry-After, at 10 s
        Assert.Equal(TimeSpan.FromSeconds(50), gaps[3].Elapsed);
        Assert.Equal(TimeSpan.FromSeconds(5), gaps[3].NextPollIn);
        foreach (var report in gaps.Where((_, i) => i != 2))
        {
            AssertClose(Expected.ShippedInterval(report.Elapsed.TotalSeconds), report.NextPollIn!.Value, report.Elapsed);
        }

        var late = gaps.Where(r => r.Elapsed > TimeSpan.FromMinutes(5)).Select(r => r.NextPollIn!.Value).ToArray();
        Assert.NotEmpty(late);
        Assert.All(late, g => Assert.True(g > TimeSpan.FromSeconds(5) && g < TimeSpan.FromMinutes(1), g.ToString()));
        Assert.Equal(late.OrderBy(g => g), late); // gradual, never shrinking
        Assert.True(late.Distinct().Count() == late.Length, "each late interval is longer than the one before");
        Assert.Equal(70, stub.Calls);
    }

    [Fact]
    public async Task Cancellation_mid_wait_ends_the_wait_without_the_clock_moving()
    {
        var time = new WaitAwareTimeProvider(Epoch);
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { TimeProvider = time, CompletionDelay = TimeSpan.FromHours(1) });
        using var client = new GrokContractsClient(TestClients.Options(emulator.BaseUrl, time: time));
        var submitted = await client.SubmitAsync(TestClients.Official());
        var everyMinute = new PollingSchedule([new PollingPhase(null, TimeSpan.FromMinutes(1))], TimeSpan.FromHours(1));
        using var cancel = new CancellationTokenSource();
        using var polled = new SemaphoreSlim(0);
        var before = time.GetUtcNow();

        var waiting = client.WaitForCompletionAsync(TestClients.OfficialChannel, submitted.Id, everyMinute, new SyncProgress<TaskProgress>(_ => polled.Release()), cancel.Token);
        Assert.True(await polled.WaitAsync(TimeSpan.FromSeconds(10)));
        for (var spin = 0; spin < 5000 && time.PendingTimers == 0; spin++)
        {
            await Task.Delay(2); // until the client sleeps toward its next poll, a minute away on the fake clock
        }

        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();

        // Prompt: the wait ends on cancellation itself, while the fake clock has not moved toward the next poll.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(before, time.GetUtcNow());
        Assert.Equal(1, emulator.PollRequestCount);
    }

    [Fact]
    public async Task Waiting_gives_up_at_the_schedules_timeout()
    {
        var time = new WaitAwareTimeProvider(Epoch);
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, StubHandler.Envelope("processing")));
        var options = TestClients.Options(new Uri("https://api.test.example"), time: time);
        options.PollingSchedule = Shipped.WithTimeout(TimeSpan.FromMinutes(2));
        using var client = new GrokContractsClient(options, stub);

        var waiting = client.WaitForCompletionAsync(TestClients.OfficialChannel, "task_abc");
        var ex = await Assert.ThrowsAsync<TaskWaitTimeoutException>(() => time.DriveAsync(waiting, TimeSpan.FromSeconds(1), maxSteps: 400));

        Assert.Equal("task_abc", ex.LastSeen.Id);
        Assert.True(ex.Waited >= TimeSpan.FromMinutes(2));
        Assert.Equal(TimeSpan.FromMinutes(2), time.GetUtcNow() - Epoch);
        Assert.Equal(25, stub.Calls); // at once, then every 5 s up to 2 minutes
    }

    [Fact]
    public void The_shipped_specs_schedule_is_the_references()
    {
        var schedule = Shipped;

        Assert.Equal(3, schedule.Phases.Count);
        Assert.Equal(TimeSpan.FromHours(48), schedule.Timeout);
        Assert.Equal(3, schedule.MaxConsecutiveFailedPolls);
        Assert.Equal(schedule.ToString(), GrokImagineVideo15Beta.GrokImagineVideo15BetaChannel.Descriptor.Polling!.ToString());

        Assert.Equal(TimeSpan.FromSeconds(5), schedule.GetInterval(TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(5), schedule.GetInterval(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1)));
        // The gradual phase: 5 s at its start (5 min), 60 s at its end (60 min), linear in between:
        // interval(t) = 5 s + (60 s - 5 s) × (t - 5 min) / (60 min - 5 min).
        Assert.Equal(TimeSpan.FromSeconds(5), schedule.GetInterval(TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.FromSeconds(6), schedule.GetInterval(TimeSpan.FromMinutes(6))); // 5 + 55 × 1/55
        Assert.Equal(TimeSpan.FromSeconds(15), schedule.GetInterval(TimeSpan.FromMinutes(15))); // 5 + 55 × 10/55
        Assert.Equal(TimeSpan.FromSeconds(32.5), schedule.GetInterval(TimeSpan.FromMinutes(32.5))); // halfway: 5 + 55 / 2
        Assert.Equal(TimeSpan.FromSeconds(59), schedule.GetInterval(TimeSpan.FromMinutes(59))); // 5 + 55 × 54/55
        Assert.Equal(TimeSpan.FromSeconds(60), schedule.GetInterval(TimeSpan.FromHours(1) - TimeSpan.FromTicks(1)));
        // From the hour on: the last phase.
        Assert.Equal(TimeSpan.FromMinutes(3), schedule.GetInterval(TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromMinutes(3), schedule.GetInterval(TimeSpan.FromHours(47)));
        Assert.Equal(TimeSpan.FromMinutes(3), schedule.GetInterval(TimeSpan.FromHours(100)));

        var previous = TimeSpan.Zero;
        for (var t = TimeSpan.Zero; t < TimeSpan.FromHours(2); t += TimeSpan.FromSeconds(7))
        {
            var interval = schedule.GetInterval(t);
            Assert.True(interval >= previous);
            AssertClose(Expected.ShippedInterval(t.TotalSeconds), interval, t);
            previous = interval;
        }
    }

    [Fact]
    public void A_gradual_phase_interpolates_between_the_previous_interval_and_its_own()
    {
        // 1 s until 10 s; from 1 s at 10 s growing to 9 s at 50 s; then every 30 s.
        var schedule = new PollingSchedule(
            [new PollingPhase(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)), new PollingPhase(TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(9), gradual: true), new PollingPhase(null, TimeSpan.FromSeconds(30))],
            TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.FromSeconds(1), schedule.GetInterval(TimeSpan.FromSeconds(9.999)));
        Assert.Equal(TimeSpan.FromSeconds(1), schedule.GetInterval(TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(3), schedule.GetInterval(TimeSpan.FromSeconds(20))); // 1 + 8 × 10/40
        Assert.Equal(TimeSpan.FromSeconds(5), schedule.GetInterval(TimeSpan.FromSeconds(30))); // halfway
        Assert.Equal(TimeSpan.FromSeconds(8), schedule.GetInterval(TimeSpan.FromSeconds(45))); // 1 + 8 × 35/40
        Assert.Equal(TimeSpan.FromSeconds(30), schedule.GetInterval(TimeSpan.FromSeconds(50)));

        // A gradual phase may also shrink the interval (linear either way).
        var shrinking = new PollingSchedule(
            [new PollingPhase(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(9)), new PollingPhase(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1), gradual: true), new PollingPhase(null, TimeSpan.FromSeconds(1))],
            TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.FromSeconds(5), shrinking.GetInterval(TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public void A_schedule_without_polling_in_its_spec_falls_back_to_every_10_seconds_for_an_hour()
    {
        var fallback = PollingSchedule.Fallback;

        Assert.Single(fallback.Phases);
        Assert.Equal(TimeSpan.FromSeconds(10), fallback.GetInterval(TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(10), fallback.GetInterval(TimeSpan.FromMinutes(59)));
        Assert.Equal(TimeSpan.FromHours(1), fallback.Timeout);
    }

    [Fact]
    public void Nonsense_schedules_are_rejected()
    {
        var s = TimeSpan.FromSeconds(1);
        var m = TimeSpan.FromMinutes(1);
        Assert.Throws<ArgumentNullException>(() => new PollingSchedule(null!, m));
        Assert.Throws<ArgumentException>(() => new PollingSchedule([], m)); // no phase
        Assert.Throws<ArgumentException>(() => new PollingSchedule([new PollingPhase(m, s)], m)); // the last phase ends
        Assert.Throws<ArgumentException>(() => new PollingSchedule([new PollingPhase(null, s), new PollingPhase(null, s)], m)); // a phase before the last has no end
        Assert.Throws<ArgumentException>(() => new PollingSchedule([new PollingPhase(m, s), new PollingPhase(m, s), new PollingPhase(null, s)], m)); // ends equal
        Assert.Throws<ArgumentException>(() => new PollingSchedule([new PollingPhase(m, s), new PollingPhase(s, s), new PollingPhase(null, s)], m)); // ends decrease
        Assert.Throws<ArgumentException>(() => new PollingSchedule([new PollingPhase(m, s, gradual: true), new PollingPhase(null, s)], m)); // nothing to grow from
        Assert.Throws<ArgumentException>(() => new PollingSchedule([new PollingPhase(m, s), new PollingPhase(null, s, gradual: true)], m)); // nothing to grow toward
        Assert.Throws<ArgumentException>(() => new PollingSchedule([new PollingPhase(null, s, gradual: true)], m));

        Assert.Throws<ArgumentOutOfRangeException>(() => new PollingPhase(null, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollingPhase(null, -s));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollingPhase(TimeSpan.Zero, s));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollingPhase(-m, s));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollingSchedule([new PollingPhase(null, s)], TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollingSchedule([new PollingPhase(null, s)], -m));

        var negativeBudget = new PollingSchedule([new PollingPhase(null, s)], m) { MaxConsecutiveFailedPolls = -1 };
        Assert.Throws<ArgumentOutOfRangeException>(() => negativeBudget.Validate());
        var options = TestClients.Options(new Uri("https://api.test.example"));
        options.PollingSchedule = negativeBudget;
        Assert.Throws<ArgumentOutOfRangeException>(() => new GrokContractsClient(options));
    }

    [Fact]
    public void Scale_multiplies_every_phase_end_interval_and_the_timeout()
    {
        var original = new PollingSchedule(Shipped.Phases, Shipped.Timeout) { MaxConsecutiveFailedPolls = 5 };

        var scaled = original.Scale(0.01);

        Assert.Equal(new TimeSpan?[] { TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(36), null }, scaled.Phases.Select(p => p.Until));
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(1800) }, scaled.Phases.Select(p => p.Every));
        Assert.Equal(new[] { false, true, false }, scaled.Phases.Select(p => p.Gradual));
        Assert.Equal(TimeSpan.FromMinutes(28.8), scaled.Timeout);
        Assert.Equal(5, scaled.MaxConsecutiveFailedPolls);
        Assert.Equal(TimeSpan.FromMilliseconds(325), scaled.GetInterval(TimeSpan.FromSeconds(19.5))); // 1 % of 32.5 s at 1 % of 32.5 min
        Assert.Equal(TimeSpan.FromHours(48), original.Timeout); // the original is unchanged

        Assert.Equal(TimeSpan.FromTicks(1), new PollingSchedule([new PollingPhase(null, TimeSpan.FromTicks(1))], TimeSpan.FromSeconds(1)).Scale(0.1).Phases[0].Every); // never zero
        Assert.Throws<ArgumentOutOfRangeException>(() => original.Scale(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => original.Scale(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => original.Scale(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => original.Scale(double.PositiveInfinity));
    }

    [Fact]
    public void WithTimeout_keeps_the_phases_and_the_failure_budget()
    {
        var original = new PollingSchedule(Shipped.Phases, Shipped.Timeout) { MaxConsecutiveFailedPolls = 7 };

        var shorter = original.WithTimeout(TimeSpan.FromMinutes(10));

        Assert.Equal(TimeSpan.FromMinutes(10), shorter.Timeout);
        Assert.Equal(original.Phases, shorter.Phases);
        Assert.Equal(7, shorter.MaxConsecutiveFailedPolls);
        Assert.Equal(TimeSpan.FromSeconds(32.5), shorter.GetInterval(TimeSpan.FromMinutes(32.5)));
        Assert.Equal(TimeSpan.FromHours(48), original.Timeout);
        Assert.Throws<ArgumentOutOfRangeException>(() => original.WithTimeout(TimeSpan.Zero));
    }

    [Theory]
    [InlineData("channel", 2)] // acme-motion-2's spec: every 2 s for the first 30 s
    [InlineData("options", 7)]
    [InlineData("call", 3)] // the call's schedule wins over the options'
    [InlineData("fallback", 10)] // a spec without polling: PollingSchedule.Fallback
    public async Task The_schedule_is_the_calls_else_the_options_else_the_channels_else_the_fallback(string source, int secondPollAt)
    {
        var time = new WaitAwareTimeProvider(Epoch);
        var pollTimes = new ConcurrentQueue<TimeSpan>();
        var stub = new StubHandler((_, n) =>
        {
            pollTimes.Enqueue(time.GetUtcNow() - Epoch);
            return StubHandler.Json(HttpStatusCode.OK, AcmeChannelTests.Envelope(n >= 3 ? "done" : "running"));
        });
        var channel = source == "fallback" ? AcmeChannelTests.Variant(polling: null) : Acme.Motion.AcmeMotion2Channel.Descriptor;
        var options = AcmeChannelTests.Options(time);
        options.PollingSchedule = source is "options" or "call" ? Every(7) : null;
        using var client = new GrokContractsClient(options, stub);

        var waiting = client.WaitForCompletionAsync(channel, "job_1", source == "call" ? Every(3) : null);
        var done = await time.DriveToTimersAsync(waiting, maxSteps: 20);

        Assert.Equal(VideoTaskStatus.Completed, done.StatusKind);
        Assert.Equal(new[] { TimeSpan.Zero, TimeSpan.FromSeconds(secondPollAt), TimeSpan.FromSeconds(2 * secondPollAt) }, pollTimes);

        static PollingSchedule Every(int seconds) => new([new PollingPhase(null, TimeSpan.FromSeconds(seconds))], TimeSpan.FromHours(1));
    }

    private static void AssertClose(TimeSpan expected, TimeSpan actual, TimeSpan at) =>
        Assert.True((expected - actual).Duration() <= TimeSpan.FromMilliseconds(1), "at " + at + ": expected " + expected + ", got " + actual);

    /// <summary>The documented meaning of the specs' schedules, written out independently of <see cref="PollingSchedule"/>.</summary>
    internal static class Expected
    {
        /// <summary>reAPI: 5 s before 5 min; then 5 s → 60 s linearly in elapsed time until 60 min; then 3 min.</summary>
        public static TimeSpan ShippedInterval(double t) =>
            TimeSpan.FromSeconds(t < 300 ? 5 : t < 3600 ? 5 + (55 * (t - 300) / 3300) : 180);

        /// <summary>acme-motion-2: 2 s before 30 s; then 2 s → 20 s linearly until 10 min; then 1 min.</summary>
        public static double AcmeInterval(double t) => t < 30 ? 2 : t < 600 ? 2 + (18 * (t - 30) / 570) : 60;

        /// <summary>The poll times (seconds since the submit) of a submitted task: each poll one interval after the one before.</summary>
        public static IReadOnlyList<double> AcmePollTimes(double doneAt)
        {
            var times = new List<double>();
            var t = 0d;
            do
            {
                t += AcmeInterval(t);
                times.Add(t);
            }
            while (t < doneAt);
            return times;
        }
    }
}
