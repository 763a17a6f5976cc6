using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GrokContracts.Emulator;
using GrokContracts.Tests.TestSupport;

namespace GrokContracts.Tests;

/// <summary>The whole lifecycle against the real emulator on 127.0.0.1, for both channels, with generated requests.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Official_channel_submit_wait_download()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { ApiKey = TestClients.Key, CompletionDelay = TimeSpan.FromMilliseconds(150) });
        using var client = TestClients.For(emulator);
        var request = TestClients.Official()
            .WithAspectRatio(GrokImagineVideo15Official.AspectRatio.Portrait9x16)
            .WithResolution(GrokImagineVideo15Official.Resolution.P720)
            .WithDuration(5)
            .WithAudio(false);

        var submitted = await client.SubmitAsync(request);
        Assert.Equal(VideoTaskStatus.Processing, submitted.StatusKind);
        Assert.Equal("processing", submitted.Status);
        Assert.Equal("grok-imagine-video-1.5-official", submitted.Model);
        Assert.NotNull(submitted.CreatedAt);
        Assert.Null(submitted.Output);

        var reports = new List<TaskProgress>();
        var done = await client.WaitForCompletionAsync(TestClients.OfficialChannel, submitted.Id, progress: new SyncProgress<TaskProgress>(reports.Add));
        Assert.Equal(VideoTaskStatus.Completed, done.StatusKind);
        Assert.True(done.IsTerminal);
        Assert.Equal(submitted.Id, done.Id);
        Assert.NotEmpty(reports);
        Assert.Null(reports[^1].NextPollIn);
        Assert.All(reports.Take(reports.Count - 1), r => Assert.NotNull(r.NextPollIn));
        Assert.Equal(Enumerable.Range(1, reports.Count), reports.Select(r => r.PollCount));

        using var file = new MemoryStream();
        var written = await client.DownloadAsync(done, file);
        var expected = Mp4Video.Create(emulator.FindTask(done.Id)!.Video); // 720x1280, 5 s, no audio: what was asked
        Assert.Equal(expected.Length, written);
        Assert.Equal(expected, file.ToArray());
        Assert.Equal(request.ToJson(), emulator.FindTask(done.Id)!.RequestBody);
        Assert.Equal(1, emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task Beta_channel_generate_in_one_call()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.FromMilliseconds(100) });
        using var client = TestClients.For(emulator);
        var request = TestClients.Beta().WithAspectRatio(GrokImagineVideo15Beta.AspectRatio.Auto).WithDuration(1).WithNsfwChecker(true);

        var reports = new List<TaskProgress>();
        var done = await client.GenerateAsync(request, progress: new SyncProgress<TaskProgress>(reports.Add));

        Assert.Equal(VideoTaskStatus.Completed, done.StatusKind);
        Assert.Equal("grok-imagine-video-1.5-beta", done.Model);
        Assert.Equal(0, reports[0].PollCount); // the submit itself
        Assert.Equal(VideoTaskStatus.Completed, reports[^1].StatusKind);
        var url = Assert.Single(done.Output!.VideoUrls);
        using var file = new MemoryStream();
        Assert.Equal(Mp4Video.Create(emulator.FindTask(done.Id)!.Video).Length, await client.DownloadAsync(url, file));
    }

    [Fact]
    public async Task GetTaskAsync_reads_the_envelope()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.FromHours(1) });
        using var client = TestClients.For(emulator);

        var submitted = await client.SubmitAsync(TestClients.Official());
        var polled = await client.GetTaskAsync(TestClients.OfficialChannel, submitted.Id);

        Assert.Equal(submitted.Id, polled.Id);
        Assert.Equal(VideoTaskStatus.Processing, polled.StatusKind);
        Assert.Equal(submitted.CreatedAt, polled.CreatedAt);
        Assert.Equal(1, emulator.PollRequestCount);
    }

    [Fact]
    public async Task Many_concurrent_generations_share_one_client()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.FromMilliseconds(50) });
        using var client = TestClients.For(emulator);

        var tasks = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.GenerateAsync(TestClients.Official().WithDuration(3 + i))));

        Assert.Equal(8, tasks.Select(t => t.Id).Distinct().Count());
        Assert.All(tasks, t => Assert.Equal(VideoTaskStatus.Completed, t.StatusKind));
        Assert.Equal(8, emulator.SubmitRequestCount);
    }
}
