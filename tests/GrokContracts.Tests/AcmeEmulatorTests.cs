using System;
using System.IO;
using System.Threading.Tasks;
using Acme.Motion;
using GrokContracts.Emulator;
using GrokContracts.Tests.TestSupport;

namespace GrokContracts.Tests;

/// <summary>
/// A channel unlike reAPI's, end to end with nothing but its spec: the typed request generated from
/// acme-motion-2.yaml, the client, and the in-process emulator loaded with the same file, over real HTTP.
/// </summary>
public sealed class AcmeEmulatorTests
{
    private static readonly string Spec = Path.Combine(AppContext.BaseDirectory, "specs", "acme-motion-2.yaml");

    [Fact]
    public async Task A_typed_request_completes_in_the_specs_words_and_downloads_an_MP4()
    {
        await using var emulator = await StartAsync();
        using var client = ClientFor(emulator);
        var words = new System.Collections.Concurrent.ConcurrentQueue<string>();

        var done = await client.GenerateAsync(
            new MotionRequest("a paper boat on a pond").WithSeconds(5).WithStyle(Style.Clay),
            progress: new SyncProgress<TaskProgress>(p => words.Enqueue(p.Status)));
        using var video = new MemoryStream();
        var bytes = await client.DownloadAsync(done, video);

        Assert.Equal(("done", VideoTaskStatus.Completed), (done.Status, done.StatusKind));
        Assert.Equal("queued", Assert.Single(emulator.Tasks).StatusAt(DateTimeOffset.MinValue)); // before its delay: the first pending word
        Assert.All(words, w => Assert.Contains(w, new[] { "queued", "running", "done" }));
        Assert.True(bytes > 1000);
        Assert.Equal("ftyp"u8.ToArray(), video.ToArray()[4..8]);
    }

    [Fact]
    public async Task A_failing_task_ends_in_the_specs_failed_word()
    {
        await using var emulator = await StartAsync();
        using var client = ClientFor(emulator);

        var failed = await Assert.ThrowsAsync<TaskFailedException>(() =>
            client.GenerateAsync(new MotionRequest("a storm " + ReapiEmulatorOptions.DefaultFailureToken)));

        Assert.Equal(("error", VideoTaskStatus.Failed), (failed.Task.Status, failed.Task.StatusKind));
        Assert.DoesNotContain("refunded", failed.Message, StringComparison.Ordinal); // refundsFailed: false
        Assert.Equal(1, emulator.SubmitRequestCount);
    }

    private static Task<ReapiEmulator> StartAsync() =>
        ReapiEmulator.StartAsync(new ReapiEmulatorOptions { SpecPaths = { Spec }, IncludeShippedSpecs = false, CompletionDelay = TimeSpan.FromMilliseconds(400) });

    // The spec's own phases, twenty times faster (every 100 ms at first).
    private static GrokContractsClient ClientFor(ReapiEmulator emulator) => new(new GrokContractsClientOptions
    {
        ApiKey = "acme-key",
        BaseUrl = emulator.BaseUrl,
        PollingSchedule = AcmeMotion2Channel.Descriptor.Polling!.Scale(0.05),
    });
}
