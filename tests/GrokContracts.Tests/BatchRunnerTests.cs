using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Acme.Motion;
using GrokContracts.Emulator;
using GrokContracts.Tests.TestSupport;
using Beta = GrokContracts.GrokImagineVideo15Beta;
using Official = GrokContracts.GrokImagineVideo15Official;

namespace GrokContracts.Tests;

/// <summary>
/// <see cref="BatchRunner"/> with its SQLite journal against the in-process emulator over real HTTP: a batch mixing the
/// two shipped channels and acme-motion-2 (other paths, status words, codes), with injected 429s, 5xx polls, failing
/// tasks, dropped submits, refused keys, and resumed runs.
/// </summary>
public sealed class BatchRunnerTests : IAsyncLifetime
{
    private static readonly string AcmeSpec = Path.Combine(AppContext.BaseDirectory, "specs", "acme-motion-2.yaml");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grok-contracts-batch-tests", Guid.NewGuid().ToString("N"));
    private ReapiEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { SpecPaths = { AcmeSpec }, CompletionDelay = TimeSpan.FromMilliseconds(300) });
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task A_mixed_batch_across_three_channels_downloads_every_line_once_and_journals_each_step()
    {
        var items = MixedItems();
        var events = new ConcurrentQueue<BatchEvent>();

        using var journal = new SqliteBatchJournal(JournalPath);
        var result = await RunAsync(journal, items, o => o.Progress = new SyncProgress<BatchEvent>(events.Enqueue));

        Assert.True(result.AllDownloaded, Describe(result));
        Assert.Equal(items.Count, _emulator.Tasks.Count);
        Assert.Equal(items.Count, _emulator.SubmitRequestCount);
        Assert.Equal(new[] { "acme-motion-2", "grok-imagine-video-1.5-beta", "grok-imagine-video-1.5-official" }, _emulator.Tasks.Select(t => t.Model).Distinct().Order());
        foreach (var line in result.Lines)
        {
            var bytes = File.ReadAllBytes(line.Path!);
            Assert.Equal(line.Size, bytes.Length);
            Assert.Equal(BatchItem.Hex(System.Security.Cryptography.SHA256.HashData(bytes)), line.Sha256);
            Assert.Equal("ftyp"u8.ToArray(), bytes[4..8]);
            Assert.Equal(
                [BatchLineState.Validated, BatchLineState.Submitting, BatchLineState.Submitted, BatchLineState.Completed, BatchLineState.Downloading, BatchLineState.Downloaded],
                journal.History(line.Key));
        }

        Assert.Empty(Directory.GetFiles(_directory, "*.part"));
        Assert.Equal(items.Sum(i => i.EstimatedCredits), result.Counts.CreditsSpent);
        Assert.Contains(events, e => e.Previous == BatchLineState.Submitting && e.Entry.State == BatchLineState.Submitted);
    }

    [Fact]
    public async Task Rate_limited_submits_wait_for_Retry_After_and_5xx_polls_are_retried_without_extra_submits()
    {
        var items = MixedItems();
        _emulator.Faults.FailNextSubmits(3, 429, "1");
        _emulator.Faults.FailNextPolls(2, 503);

        using var journal = new SqliteBatchJournal(JournalPath);
        var started = DateTime.UtcNow;
        var result = await RunAsync(journal, items);

        Assert.True(result.AllDownloaded, Describe(result));
        Assert.Equal(items.Count, _emulator.Tasks.Count); // accepted submits: one per line
        Assert.Equal(items.Count + 3, _emulator.SubmitRequestCount);
        Assert.Equal((3, 2), (_emulator.Faults.ServedSubmits, _emulator.Faults.ServedPolls));
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the runner did not wait for Retry-After");
        Assert.Equal(items.Count + 3, result.Lines.Sum(l => l.SubmitAttempts));
    }

    [Fact]
    public async Task A_line_refused_with_429_MaxSubmitAttempts_times_stays_unsent_and_the_next_run_sends_it_once()
    {
        var items = MixedItems().Take(2).ToList();
        _emulator.Faults.FailNextSubmits(3, 429, "0");

        BatchResult first;
        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            first = await RunAsync(journal, items, o => (o.MaxConcurrency, o.MaxSubmitAttempts) = (1, 3));
        }

        // Three refusals, then the line is given up for this run: nothing was accepted, so it is not unknown, it is unsent.
        var refused = first.Lines.Single(l => l.Key == items[0].Key);
        Assert.Equal((BatchLineState.Validated, 3, (string?)null), (refused.State, refused.SubmitAttempts, refused.TaskId));
        Assert.Contains("429", refused.Note, StringComparison.Ordinal);
        Assert.Contains("3 times; a rerun sends it again", refused.Note, StringComparison.Ordinal);
        Assert.Empty(first.Unknown);
        Assert.Equal(BatchLineState.Downloaded, first.Lines.Single(l => l.Key == items[1].Key).State);
        Assert.False(first.AllDownloaded);
        Assert.Equal((1, 4), (_emulator.Tasks.Count, _emulator.SubmitRequestCount));

        BatchResult second;
        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            second = await RunAsync(journal, items, o => (o.MaxConcurrency, o.MaxSubmitAttempts) = (1, 3));
        }

        Assert.True(second.AllDownloaded, Describe(second));
        Assert.Equal((2, 5), (_emulator.Tasks.Count, _emulator.SubmitRequestCount)); // one more submit, accepted
    }

    [Fact]
    public async Task Failed_tasks_are_reported_with_the_APIs_code_and_refund_by_channel_and_are_not_resubmitted_on_rerun()
    {
        var items = new List<BatchItem>
        {
            Item(1, new Official.VideoGenerationRequest("a storm " + ReapiEmulatorOptions.DefaultFailureToken, "https://example.com/a.png").WithDuration(4), 40),
            Item(2, new MotionRequest("a storm " + ReapiEmulatorOptions.DefaultFailureToken).WithSeconds(3), 6),
            Item(3, new Beta.VideoGenerationRequest("https://example.com/b.png")),
        };

        BatchResult result;
        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            result = await RunAsync(journal, items);
        }

        Assert.False(result.AllDownloaded);
        Assert.Equal([BatchLineState.Failed, BatchLineState.Failed, BatchLineState.Downloaded], result.Lines.Select(l => l.State));
        Assert.All(result.Failed, f => Assert.NotNull(f.ErrorCode));
        Assert.Contains("refunded", result.Lines[0].Note, StringComparison.Ordinal); // reAPI refunds failed tasks
        Assert.Contains("does not refund", result.Lines[1].Note, StringComparison.Ordinal); // acme-motion-2 does not
        Assert.Equal(40, result.Counts.CreditsRefunded);
        Assert.Equal(6, result.Counts.CreditsSpent);

        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            var again = await RunAsync(journal, items);
            Assert.Equal(result.Lines.Select(l => l.State), again.Lines.Select(l => l.State));
        }

        Assert.Equal(3, _emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task RetryFailed_sends_failed_lines_again_with_a_new_task_and_leaves_downloaded_ones_alone()
    {
        var items = new List<BatchItem>
        {
            Item(1, new Official.VideoGenerationRequest("a storm " + ReapiEmulatorOptions.DefaultFailureToken, "https://example.com/a.png").WithDuration(4), 40),
            Item(2, new Beta.VideoGenerationRequest("https://example.com/b.png")),
            Item(3, new Official.VideoGenerationRequest("a calm sea", "https://example.com/c.png").WithDuration(3), 30),
        };
        _emulator.Faults.FailNextSubmits(1, 400); // the first submit (line 1, MaxConcurrency 1) is rejected, not billed

        BatchResult first;
        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            first = await RunAsync(journal, items, o => o.MaxConcurrency = 1);
        }

        Assert.Equal([BatchLineState.Failed, BatchLineState.Downloaded, BatchLineState.Downloaded], first.Lines.Select(l => l.State));
        Assert.Contains("HTTP 400", first.Lines[0].Note, StringComparison.Ordinal);
        Assert.Null(first.Lines[0].TaskId);

        // Without the option a rerun changes nothing; with it, only the failed line is sent again.
        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            Assert.Equal(first.Lines.Select(l => l.State), (await RunAsync(journal, items)).Lines.Select(l => l.State));
        }

        Assert.Equal(3, _emulator.SubmitRequestCount);
        BatchResult second;
        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            second = await RunAsync(journal, items, o => o.RetryFailed = true);
        }

        // Accepted this time; its prompt makes the emulator fail the task: a failed task, refunded, with its own id.
        Assert.Equal([BatchLineState.Failed, BatchLineState.Downloaded, BatchLineState.Downloaded], second.Lines.Select(l => l.State));
        Assert.Equal(4, _emulator.SubmitRequestCount);
        var retried = second.Lines[0];
        Assert.Equal(2, retried.SubmitAttempts);
        Assert.NotNull(retried.TaskId);
        Assert.Contains("refunded", retried.Note, StringComparison.Ordinal);
        Assert.Equal(40, second.Counts.CreditsRefunded);

        BatchResult third;
        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            third = await RunAsync(journal, items, o => o.RetryFailed = true);
        }

        // Sent again: a new task replaces the failed one (which the journal's history keeps).
        Assert.Equal(5, _emulator.SubmitRequestCount);
        Assert.Equal(3, third.Lines[0].SubmitAttempts);
        Assert.NotEqual(retried.TaskId, third.Lines[0].TaskId);
        Assert.Equal(2, _emulator.Tasks.Count(t => t.WillFail));
    }

    [Fact]
    public async Task A_dropped_submit_is_unknown_never_resent_automatically_and_resent_only_when_asked()
    {
        var items = MixedItems().Take(3).ToList();
        _emulator.Faults.EnqueueSubmitFault(EmulatorFault.Drop());

        BatchResult first;
        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            first = await RunAsync(journal, items, o => o.MaxConcurrency = 1);
        }

        var unknown = Assert.Single(first.Unknown);
        Assert.Equal(items[0].Key, unknown.Key);
        Assert.Null(unknown.TaskId);
        Assert.Contains("do not blindly resubmit", unknown.Note, StringComparison.Ordinal);

        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            var rerun = await RunAsync(journal, items);
            Assert.Single(rerun.Unknown);
        }

        Assert.Equal(3, _emulator.SubmitRequestCount);

        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            var resubmitted = await RunAsync(journal, items, o => o.ResubmitUnknown = true);
            Assert.True(resubmitted.AllDownloaded, Describe(resubmitted));
        }

        Assert.Equal(4, _emulator.SubmitRequestCount);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_5xx_answer_to_a_submit_is_unknown_and_not_retried_because_the_request_reached_the_server(int status)
    {
        var items = MixedItems().Take(2).ToList();
        _emulator.Faults.FailNextSubmits(1, status, "0");

        BatchResult first;
        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            first = await RunAsync(journal, items, o => o.MaxConcurrency = 1);
        }

        var unknown = Assert.Single(first.Unknown);
        Assert.Equal(items[0].Key, unknown.Key);
        Assert.Equal(1, unknown.SubmitAttempts);
        Assert.Contains("HTTP " + status, unknown.Note, StringComparison.Ordinal);
        Assert.Equal(BatchLineState.Downloaded, first.Lines[1].State);
        Assert.Equal(2, _emulator.SubmitRequestCount); // the 5xx POST and the second line's: no automatic retry

        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            var resubmitted = await RunAsync(journal, items, o => o.ResubmitUnknown = true);
            Assert.True(resubmitted.AllDownloaded, Describe(resubmitted));
        }

        Assert.Equal(3, _emulator.SubmitRequestCount);
    }

    [Fact]
    public async Task A_refused_key_stops_submitting_with_a_clear_reason_and_the_lines_stay_unsent()
    {
        await using var pinned = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { ApiKey = "right", CompletionDelay = TimeSpan.Zero });
        var items = MixedItems().Where(i => i.Request.ModelId != "acme-motion-2").ToList();
        using var client = new GrokContractsClient(new GrokContractsClientOptions { ApiKey = "wrong", BaseUrl = pinned.BaseUrl });
        using var journal = new SqliteBatchJournal(JournalPath);

        var result = await new BatchRunner(client, journal, new BatchRunnerOptions { OutputDirectory = _directory, MaxConcurrency = 1 }).RunAsync(items);

        Assert.Contains("refused the key", result.StopReason, StringComparison.Ordinal);
        Assert.Equal(1, pinned.SubmitRequestCount);
        Assert.All(result.Lines, l => Assert.Equal(BatchLineState.Validated, l.State));
    }

    [Fact]
    public async Task A_line_journaled_as_submitting_without_a_task_id_resumes_as_unknown_and_submitted_lines_are_polled_not_resent()
    {
        var items = MixedItems().Take(2).ToList();
        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            var entries = journal.Open(items);
            journal.Record(entries[0] with { State = BatchLineState.Submitting, SubmitAttempts = 1 });

            // Line 2 was accepted by an earlier run that died before polling.
            using var client = new GrokContractsClient(new GrokContractsClientOptions { ApiKey = "k", BaseUrl = _emulator.BaseUrl });
            var task = await client.SubmitAsync(items[1].Request);
            journal.Record(entries[1] with { State = BatchLineState.Submitted, TaskId = task.Id, SubmitAttempts = 1 });
        }

        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            var result = await RunAsync(journal, items);

            Assert.Equal([BatchLineState.Unknown, BatchLineState.Downloaded], result.Lines.Select(l => l.State));
            Assert.Equal(1, _emulator.SubmitRequestCount);
            Assert.Equal([BatchLineState.Validated, BatchLineState.Submitting, BatchLineState.Unknown], journal.History(items[0].Key));
        }
    }

    [Fact]
    public void A_corrupt_locked_or_foreign_journal_is_a_typed_error_never_a_fresh_start()
    {
        var items = MixedItems().Take(2).ToList();
        File.WriteAllBytes(JournalPath, Enumerable.Repeat((byte)0x5A, 4096).ToArray());
        Assert.Equal(BatchJournalProblem.Corrupt, Assert.Throws<BatchJournalException>(() => new SqliteBatchJournal(JournalPath)).Problem);
        File.Delete(JournalPath);

        using (var held = new SqliteBatchJournal(JournalPath))
        {
            held.Open(items);
            var locked = Assert.Throws<BatchJournalException>(() => new SqliteBatchJournal(JournalPath));
            Assert.Equal(BatchJournalProblem.Locked, locked.Problem);
            Assert.DoesNotContain('\n', locked.Message);
        }

        using (var reopened = new SqliteBatchJournal(JournalPath))
        {
            var edited = new List<BatchItem> { items[0], Item(2, new Beta.VideoGenerationRequest("https://example.com/other.png")) };
            Assert.Equal(BatchJournalProblem.DifferentInput, Assert.Throws<BatchJournalException>(() => reopened.Open(edited)).Problem);
            Assert.Equal(BatchJournalProblem.DifferentInput, Assert.Throws<BatchJournalException>(() => reopened.Open([items[0]])).Problem);
            Assert.Equal(3, reopened.Open([.. items, Item(3, new Beta.VideoGenerationRequest("https://example.com/new.png"))]).Count); // lines added to the input are fine
        }

        var other = Path.Combine(_directory, "other.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + other + ";Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t (x INTEGER);";
            command.ExecuteNonQuery();
        }

        Assert.Equal(BatchJournalProblem.Corrupt, Assert.Throws<BatchJournalException>(() => new SqliteBatchJournal(other)).Problem);
    }

    [Fact]
    public async Task Duplicate_keys_or_file_names_are_refused_before_anything_is_journaled()
    {
        var item = MixedItems()[0];
        using var journal = new SqliteBatchJournal(JournalPath);
        using var client = new GrokContractsClient(new GrokContractsClientOptions { ApiKey = "k", BaseUrl = _emulator.BaseUrl });
        var runner = new BatchRunner(client, journal, new BatchRunnerOptions { OutputDirectory = _directory, FileName = _ => "same.mp4" });

        await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync([item, item]));
        await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync([item, new BatchItem("other", 2, item.Request)]));
        Assert.Equal("a_b_c.mp4", BatchRunner.DefaultFileName("a/b\0c"));
        Assert.Equal("_.mp4", BatchRunner.DefaultFileName(".."));
        Assert.Equal(0, _emulator.SubmitRequestCount);
    }

    private string JournalPath => Path.Combine(_directory, SqliteBatchJournal.DefaultFileName);

    private static List<BatchItem> MixedItems() =>
    [
        Item(1, new Official.VideoGenerationRequest("a cat", "https://example.com/cat.png").WithDuration(3), 30),
        Item(2, new Beta.VideoGenerationRequest("https://example.com/b.png"), 16),
        Item(3, new MotionRequest("a kite").WithSeconds(2).WithStyle(Style.Clay), 12),
        Item(4, new Official.VideoGenerationRequest("a dog", "https://example.com/dog.png").WithDuration(4), 40),
        Item(5, new MotionRequest("a boat").WithSeconds(3), 6),
    ];

    private static BatchItem Item(int line, IContractRequest request, long? credits = null) => new(line.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), line, request, credits);

    private async Task<BatchResult> RunAsync(SqliteBatchJournal journal, IReadOnlyList<BatchItem> items, Action<BatchRunnerOptions>? configure = null)
    {
        using var client = new GrokContractsClient(new GrokContractsClientOptions
        {
            ApiKey = "batch-key",
            BaseUrl = _emulator.BaseUrl,
            PollingSchedule = new PollingSchedule([new PollingPhase(null, TimeSpan.FromMilliseconds(100))], TimeSpan.FromSeconds(30)),
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        });
        var options = new BatchRunnerOptions { OutputDirectory = _directory, MaxConcurrency = 8, DefaultRetryAfter = TimeSpan.FromMilliseconds(100) };
        configure?.Invoke(options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await new BatchRunner(client, journal, options).RunAsync(items, timeout.Token);
        Assert.False(result.Cancelled, "the batch did not finish within 60 s: " + Describe(result));
        return result;
    }

    private static string Describe(BatchResult result) =>
        string.Join("; ", result.Lines.Select(l => $"{l.Key} {l.State} {l.TaskId} {l.ErrorCode} {l.Note}"));
}
