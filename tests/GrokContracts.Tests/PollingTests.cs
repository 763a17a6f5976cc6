using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Emulator;
using GrokContracts.Tests.TestSupport;

namespace GrokContracts.Tests;

/// <summary>The reference's polling schedule, checked on a fake clock shared by client and emulator.</summary>
public sealed class PollingTests
{
    [Fact]
    public async Task A_60_second_task_takes_about_12_polls_and_is_seen_within_5_seconds()
    {
        var time = new WaitAwareTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1735000000));
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { TimeProvider = time, CompletionDelay = TimeSpan.FromSeconds(60) });
        var options = TestClients.Options(emulator.BaseUrl, time: time);
        options.PollingSchedule = PollingSchedule.Default;
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
    public async Task The_schedule_backs_off_after_five_minutes_and_honours_a_Retry_After_floor()
    {
        var time = new WaitAwareTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1735000000));
        var stub = new StubHandler((_, n) => StubHandler.Json(
            HttpStatusCode.OK,
            StubHandler.Envelope(n >= 70 ? "completed" : "processing"),
            n == 3 ? [("Retry-After", "40")] : []));
        var options = TestClients.Options(new Uri("https://api.test.example"), time: time);
        options.PollingSchedule = PollingSchedule.Default;
        using var client = new GrokContractsClient(options, stub);
        var reports = new ConcurrentQueue<TaskProgress>();

        var waiting = client.WaitForCompletionAsync("task_abc", progress: new SyncProgress<TaskProgress>(reports.Enqueue));
        await time.DriveAsync(waiting, TimeSpan.FromSeconds(1), maxSteps: 2000);

        var gaps = reports.Select(r => r.NextPollIn).Where(g => g is not null).Select(g => g!.Value).ToArray();
        Assert.Equal(TimeSpan.FromSeconds(40), gaps[2]); // the floor from Retry-After
        Assert.Equal(TimeSpan.FromSeconds(5), gaps[3]);
        var late = reports.Where(r => r.Elapsed > TimeSpan.FromMinutes(6) && r.NextPollIn is not null).Select(r => r.NextPollIn!.Value).ToArray();
        Assert.NotEmpty(late);
        Assert.All(late, g => Assert.True(g > TimeSpan.FromSeconds(5) && g <= TimeSpan.FromMinutes(1), g.ToString()));
        Assert.Equal(late.OrderBy(g => g), late); // gradual, never shrinking
        Assert.Equal(70, stub.Calls);
    }

    [Fact]
    public async Task Cancellation_mid_wait_is_prompt()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.FromHours(1) });
        var options = TestClients.Options(emulator.BaseUrl);
        options.PollingSchedule = new PollingSchedule { InitialInterval = TimeSpan.FromMinutes(1) };
        using var client = new GrokContractsClient(options);
        var submitted = await client.SubmitAsync(TestClients.Official());
        using var cancel = new CancellationTokenSource();
        using var polled = new SemaphoreSlim(0);

        var waiting = client.WaitForCompletionAsync(submitted.Id, progress: new SyncProgress<TaskProgress>(_ => polled.Release()), cancellationToken: cancel.Token);
        Assert.True(await polled.WaitAsync(TimeSpan.FromSeconds(10)));
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), clock.Elapsed.ToString());
        Assert.Equal(1, emulator.PollRequestCount);
    }

    [Fact]
    public async Task Waiting_gives_up_at_the_schedules_timeout()
    {
        var time = new WaitAwareTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1735000000));
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, StubHandler.Envelope("processing")));
        var options = TestClients.Options(new Uri("https://api.test.example"), time: time);
        options.PollingSchedule = new PollingSchedule { Timeout = TimeSpan.FromMinutes(2) };
        using var client = new GrokContractsClient(options, stub);

        var waiting = client.WaitForCompletionAsync("task_abc");
        var ex = await Assert.ThrowsAsync<TaskWaitTimeoutException>(() => time.DriveAsync(waiting, TimeSpan.FromSeconds(1), maxSteps: 400));

        Assert.Equal("task_abc", ex.LastSeen.Id);
        Assert.True(ex.Waited >= TimeSpan.FromMinutes(2));
        Assert.Equal(25, stub.Calls); // at once, then every 5 s up to 2 minutes
    }

    [Fact]
    public void The_default_schedule_matches_the_reference()
    {
        var schedule = PollingSchedule.Default;

        Assert.Equal(TimeSpan.FromSeconds(5), schedule.GetInterval(TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(5), schedule.GetInterval(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1)));
        Assert.Equal(TimeSpan.FromSeconds(5), schedule.GetInterval(TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.FromSeconds(11), schedule.GetInterval(TimeSpan.FromMinutes(6)));
        Assert.Equal(TimeSpan.FromMinutes(1), schedule.GetInterval(TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.FromMinutes(1), schedule.GetInterval(TimeSpan.FromMinutes(59)));
        Assert.Equal(TimeSpan.FromMinutes(3), schedule.GetInterval(TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromMinutes(3), schedule.GetInterval(TimeSpan.FromHours(47)));
        Assert.Equal(TimeSpan.FromHours(48), schedule.Timeout);

        var previous = TimeSpan.Zero;
        for (var t = TimeSpan.Zero; t < TimeSpan.FromHours(2); t += TimeSpan.FromSeconds(7))
        {
            var interval = schedule.GetInterval(t);
            Assert.True(interval >= previous);
            previous = interval;
        }
    }

    [Fact]
    public void Nonsense_schedules_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollingSchedule { InitialInterval = TimeSpan.Zero }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollingSchedule { Timeout = TimeSpan.FromSeconds(-1) }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollingSchedule { BackoffRate = double.NaN }.Validate());
    }
}
