using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Official = GrokContracts.GrokImagineVideo15Official;

namespace GrokContracts.Tests;

/// <summary>
/// <see cref="SqliteBatchJournal"/>'s group commit: transitions recorded concurrently are committed together, each call
/// returns only once its own transition is durable, and every line's history keeps its order.
/// </summary>
public sealed class SqliteBatchJournalTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grok-contracts-journal-tests", Guid.NewGuid().ToString("N"));

    public SqliteBatchJournalTests() => Directory.CreateDirectory(_directory);

    private string JournalPath => Path.Combine(_directory, ".batch.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Concurrent_lines_keep_every_transition_in_order_and_a_reopened_journal_has_the_last_of_each()
    {
        var items = Items(32);
        const int Steps = 24;
        long commits;
        using (var journal = new SqliteBatchJournal(JournalPath))
        {
            var opened = journal.Open(items);
            await Task.WhenAll(opened.Select(first => Task.Run(() =>
            {
                for (var step = 1; step <= Steps; step++)
                {
                    journal.Record(first with { State = step == Steps ? BatchLineState.Downloaded : BatchLineState.Submitting, SubmitAttempts = step });
                }
            })));

            commits = journal.Commits;
            foreach (var item in items)
            {
                Assert.Equal([BatchLineState.Validated, .. Enumerable.Repeat(BatchLineState.Submitting, Steps - 1), BatchLineState.Downloaded], journal.History(item.Key));
            }
        }

        Assert.InRange(commits, 1, items.Count * Steps);
        using var reopened = new SqliteBatchJournal(JournalPath);
        Assert.All(reopened.Open(items), entry => Assert.Equal((BatchLineState.Downloaded, Steps), (entry.State, entry.SubmitAttempts)));
    }

    [Fact]
    public async Task Records_that_arrive_during_a_commit_are_committed_together_by_one_of_them()
    {
        var items = Items(6);
        using var journal = new SqliteBatchJournal(JournalPath);
        var entries = journal.Open(items);
        var groups = new ConcurrentQueue<int>();
        journal.BeforeCommit = size =>
        {
            groups.Enqueue(size);
            if (groups.Count == 1)
            {
                // Hold the first commit until the five other lines wait behind it (bounded: a broken queue fails below).
                SpinWait.SpinUntil(() => journal.Queued == 5, TimeSpan.FromSeconds(30));
            }
        };

        var first = Task.Run(() => journal.Record(entries[0] with { State = BatchLineState.Submitting }));
        Assert.True(SpinWait.SpinUntil(() => !groups.IsEmpty, TimeSpan.FromSeconds(30)), "the first record never committed");
        var others = entries.Skip(1).Select(e => Task.Run(() => journal.Record(e with { State = BatchLineState.Submitting }))).ToArray();
        await Task.WhenAll([first, .. others]);

        Assert.Equal([1, 5], groups);
        Assert.Equal(2, journal.Commits);
        Assert.All(items, item => Assert.Equal([BatchLineState.Validated, BatchLineState.Submitting], journal.History(item.Key)));
    }

    [Fact]
    public async Task A_commit_that_throws_fails_its_call_and_the_next_record_still_commits()
    {
        var items = Items(2);
        using var journal = new SqliteBatchJournal(JournalPath);
        var entries = journal.Open(items);
        var calls = 0;
        journal.BeforeCommit = _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("disk on fire");
            }
        };

        Assert.Throws<InvalidOperationException>(() => journal.Record(entries[0] with { State = BatchLineState.Submitting }));
        var next = Task.Run(() => journal.Record(entries[1] with { State = BatchLineState.Submitting }));

        Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(30)))); // no one is left waiting for a leader
        await next;
        Assert.Equal([BatchLineState.Validated], journal.History(items[0].Key));
        Assert.Equal([BatchLineState.Validated, BatchLineState.Submitting], journal.History(items[1].Key));
        Assert.Equal(0, journal.Queued);
    }

    [Fact]
    public void A_record_for_an_unknown_line_or_after_dispose_is_refused_and_nothing_is_queued()
    {
        var items = Items(1);
        var journal = new SqliteBatchJournal(JournalPath);
        var entry = journal.Open(items)[0];

        Assert.Throws<ArgumentException>(() => journal.Record(entry with { Key = "nope" }));
        Assert.Equal(0, journal.Queued);
        journal.Dispose();
        Assert.Throws<ObjectDisposedException>(() => journal.Record(entry with { State = BatchLineState.Submitting }));
        Assert.Equal(0, journal.Queued);
    }

    private static List<BatchItem> Items(int count) =>
        Enumerable.Range(1, count)
            .Select(i => new BatchItem(i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), i, new Official.VideoGenerationRequest("clip " + i, "https://example.com/" + i + ".png")))
            .ToList();
}
