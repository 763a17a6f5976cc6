using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Emulator;
using GrokContracts.Tests.TestSupport;

namespace GrokContracts.Tests;

/// <summary>
/// Issue 6 item 11 at CI size: many tasks submitted at once by the real client, every one polled to completion
/// through injected 429s and 503s on polls. Nothing may be lost or duplicated, and the faults must really have been
/// served and retried. Correctness only: the throughput and latency figures come from benchmarks/GrokContracts.LoadProbe.
/// </summary>
public sealed class LoadTests
{
    private const int Tasks = 200;
    private const int FaultsPerKind = 40;

    [Fact]
    public async Task Concurrent_submits_all_complete_through_injected_poll_faults_with_no_lost_or_duplicated_task()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.FromMilliseconds(300) });
        var options = TestClients.Options(emulator.BaseUrl);
        options.MaxPollRetries = 10;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        using var client = new GrokContractsClient(options);
        emulator.Faults.FailNextPolls(FaultsPerKind, 429, "0");
        emulator.Faults.FailNextPolls(FaultsPerKind, 503);

        var completed = new ConcurrentDictionary<string, VideoTask>(StringComparer.Ordinal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(async i =>
        {
            var request = new GrokImagineVideo15Official.VideoGenerationRequest(TestClients.Prompt + " #" + i, TestClients.Image);
            var submitted = await client.SubmitAsync(request, timeout.Token);
            var done = await client.WaitForCompletionAsync(TestClients.OfficialChannel, submitted.Id, cancellationToken: timeout.Token);
            Assert.Equal(submitted.Id, done.Id);
            Assert.True(completed.TryAdd(done.Id, done), "task id " + done.Id + " came back twice");
        }));

        // Nothing lost, nothing duplicated: one distinct completed task per submit, and the emulator saw exactly these.
        Assert.Equal(Tasks, completed.Count);
        Assert.All(completed.Values, task => Assert.Equal(VideoTaskStatus.Completed, task.StatusKind));
        Assert.All(completed.Values, task => Assert.NotEmpty(task.Output!.VideoUrls));
        Assert.Equal(Tasks, emulator.SubmitRequestCount);
        Assert.Equal(completed.Keys.Order(StringComparer.Ordinal), emulator.Tasks.Select(t => t.Id).Order(StringComparer.Ordinal));

        // Every injected fault was served to a poll and retried: each task still needed its own successful polls.
        Assert.Equal(0, emulator.Faults.PendingPolls);
        Assert.Equal(2 * FaultsPerKind, emulator.Faults.ServedPolls);
        Assert.True(emulator.PollRequestCount >= Tasks + 2 * FaultsPerKind, $"{emulator.PollRequestCount} polls for {Tasks} tasks and {2 * FaultsPerKind} faults");
    }
}
