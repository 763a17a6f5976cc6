using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Internal;

namespace GrokContracts;

/// <summary>One run of a <see cref="BatchRunner"/>: the lines' current entries and the steps each line goes through.</summary>
internal sealed class BatchRun
{
    private readonly IGrokContractsClient _client;
    private readonly IBatchJournal _journal;
    private readonly BatchRunnerOptions _options;
    private readonly IReadOnlyList<BatchItem> _items;
    private readonly string[] _paths;
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly long _started;
    private BatchJournalEntry[] _entries = [];

    // Lines per state and credits, kept up to date by Track (under the gate) so that an event costs O(1), not O(lines).
    private readonly Dictionary<BatchLineState, int> _byState = new();
    private long _creditsAccepted;
    private long _creditsRefunded;
    private DateTimeOffset _submitsNotBefore = DateTimeOffset.MinValue;
    private volatile string? _stopReason;

    public BatchRun(IGrokContractsClient client, IBatchJournal journal, BatchRunnerOptions options, IReadOnlyList<BatchItem> items, string[] paths)
    {
        _client = client;
        _journal = journal;
        _options = options;
        _items = items;
        _paths = paths;
        _time = options.TimeProvider ?? TimeProvider.System;
        _started = _time.GetTimestamp();
    }

    private enum Step
    {
        Done,
        Submit,
        Resume,
    }

    public async Task<BatchResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        _entries = _journal.Open(_items).ToArray();
        if (_entries.Length != _items.Count)
        {
            throw new InvalidOperationException("The journal returned " + _entries.Length.ToString(CultureInfo.InvariantCulture) + " entries for " + _items.Count.ToString(CultureInfo.InvariantCulture) + " items.");
        }

        lock (_gate)
        {
            for (var i = 0; i < _entries.Length; i++)
            {
                Track(i, _entries[i], +1);
            }

            for (var i = 0; i < _entries.Length; i++)
            {
                Report(_entries[i], null);
            }
        }

        for (var i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].State == BatchLineState.Submitting)
            {
                // The run that sent it died before recording an answer: the task may exist, and bill.
                Record(i, _entries[i] with { State = BatchLineState.Unknown, Note = "a submit was in flight when an earlier run stopped; the task may exist and bill" });
            }
        }

        // Lines already paid for go first; then lines never sent, in input order.
        var order = Enumerable.Range(0, _entries.Length).Where(i => StepOf(i) == Step.Resume)
            .Concat(Enumerable.Range(0, _entries.Length).Where(i => StepOf(i) == Step.Submit))
            .ToList();
        using var slots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
        var running = new List<Task>();
        foreach (var index in order)
        {
            try
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (_stopReason is not null && StepOf(index) == Step.Submit)
            {
                slots.Release();
                break;
            }

            running.Add(Task.Run(
                async () =>
                {
                    try
                    {
                        await ProcessAsync(index, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        slots.Release();
                    }
                },
                CancellationToken.None));
        }

        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (BatchJournalException)
        {
            // The journal cannot record what happened: nothing else may be sent. The first such error is the answer.
            throw running.Select(t => t.Exception?.InnerException).OfType<BatchJournalException>().First();
        }

        lock (_gate)
        {
            return new BatchResult(_entries.ToArray(), Counts(), _stopReason, cancellationToken.IsCancellationRequested, _time.GetElapsedTime(_started));
        }
    }

    private Step StepOf(int index)
    {
        var entry = _entries[index];
        return entry.State switch
        {
            BatchLineState.Validated => Step.Submit,
            BatchLineState.Unknown or BatchLineState.Submitting => _options.ResubmitUnknown ? Step.Submit : Step.Done,
            BatchLineState.Failed => _options.RetryFailed ? Step.Submit : Step.Done,
            BatchLineState.Downloaded => IsOnDisk(entry) ? Step.Done : Step.Resume,
            _ => Step.Resume,
        };
    }

    private static bool IsOnDisk(BatchJournalEntry entry)
    {
        try
        {
            return entry.Path is not null && File.Exists(entry.Path) && new FileInfo(entry.Path).Length == entry.Size;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private async Task ProcessAsync(int index, CancellationToken cancellationToken)
    {
        VideoTask? submitted = null;
        if (StepOf(index) == Step.Submit)
        {
            submitted = await SubmitAsync(index, cancellationToken).ConfigureAwait(false);
            if (submitted is null)
            {
                return;
            }
        }

        var completed = await WaitAsync(index, submitted, cancellationToken).ConfigureAwait(false);
        if (completed is not null)
        {
            await DownloadAsync(index, completed, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Offers the line to the API until it is accepted, refused for good, or its outcome is unknown.</summary>
    private async Task<VideoTask?> SubmitAsync(int index, CancellationToken cancellationToken)
    {
        var request = _items[index].Request;
        for (var attempt = 1; ; attempt++)
        {
            if (!await WaitForSubmitSlotAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var before = Record(index, _entries[index] with
            {
                State = BatchLineState.Submitting,
                SubmitAttempts = _entries[index].SubmitAttempts + 1,
                TaskId = null, // a line sent again (RetryFailed) drops its failed task; the journal's history keeps it
                ErrorCode = null,
                ErrorMessage = null,
                Note = null,
            });
            try
            {
                // Not the caller's token: a submit in flight is let finish, so its answer is journaled, not lost.
                var task = await _client.SubmitAsync(request, CancellationToken.None).ConfigureAwait(false);
                Record(index, before with { State = BatchLineState.Submitted, TaskId = task.Id });
                return task;
            }
            catch (ReapiRateLimitedException ex)
            {
                var pause = Clamp(ex.RetryAfter ?? _options.DefaultRetryAfter);
                PauseSubmits(pause);
                if (!NotAccepted(index, before, ex, attempt, "retrying after " + Seconds(pause)))
                {
                    return null;
                }
            }
            catch (ReapiException ex) when (ex is ReapiAuthenticationException or ReapiInsufficientCreditException)
            {
                var reason = ex is ReapiAuthenticationException
                    ? "the API refused the key (HTTP " + Status(ex) + "): " + OneLine(ex.Message)
                    : "the account has not enough credit (HTTP " + Status(ex) + "): " + OneLine(ex.Message);
                Record(index, before with { State = BatchLineState.Validated, Note = "not accepted: " + reason });
                Stop(reason);
                return null;
            }
            catch (ReapiValidationException ex)
            {
                Record(index, before with { State = BatchLineState.Failed, ErrorCode = ex.Code, ErrorMessage = OneLine(ex.Message), Note = "rejected by the API (HTTP 400, not billed)" });
                return null;
            }
            catch (ContractValidationException ex)
            {
                Record(index, before with { State = BatchLineState.Failed, ErrorCode = ex.Code, ErrorMessage = OneLine(ex.Message), Note = "breaks its contract; not sent" });
                return null;
            }
            catch (SubmitOutcomeUnknownException ex)
            {
                Record(index, before with { State = BatchLineState.Unknown, Note = OneLine(ex.Message) });
                return null;
            }
            catch (ReapiServerException ex)
            {
                // The request reached the server and it answered 5xx: the API does not de-duplicate, and whether a task
                // (and its bill) was created behind the error is not known. Never resubmitted automatically.
                Record(index, before with { State = BatchLineState.Unknown, Note = "the API answered HTTP " + Status(ex) + " to the submit; whether it created a task is not known: " + OneLine(ex.Message) });
                return null;
            }
            catch (ReapiConnectionException ex)
            {
                // No connection was made, so nothing was sent: not accepted, not billed.
                var pause = Clamp(TimeSpan.FromTicks(_options.DefaultRetryAfter.Ticks * (1L << Math.Min(attempt - 1, 10))));
                if (!NotAccepted(index, before, ex, attempt, "retrying after " + Seconds(pause)))
                {
                    return null;
                }

                try
                {
                    await TimeProviderDelay.Delay(_time, pause, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return null;
                }
            }
            catch (ReapiProtocolException ex)
            {
                Record(index, before with { State = BatchLineState.Unknown, Note = "the answer could not be read: " + OneLine(ex.Message) });
                return null;
            }
            catch (ReapiException ex)
            {
                // Another API error status (404, 405, 409, ...): the API answered that it did not take the request.
                Record(index, before with { State = BatchLineState.Failed, ErrorCode = ex.Code, ErrorMessage = OneLine(ex.Message), Note = "rejected by the API (HTTP " + Status(ex) + ")" });
                return null;
            }
#pragma warning disable CA1031 // Anything else after the POST may have left: the outcome is unknown, and the run goes on.
            catch (Exception ex) when (ex is not BatchJournalException)
#pragma warning restore CA1031
            {
                Record(index, before with { State = BatchLineState.Unknown, Note = "the submit ended in " + ex.GetType().Name + ": " + OneLine(ex.Message) });
                return null;
            }
        }
    }

    /// <summary>Journals a submit the API did not accept; false when the line has had its attempts.</summary>
    private bool NotAccepted(int index, BatchJournalEntry before, ReapiException ex, int attempt, string next)
    {
        var what = "not accepted (HTTP " + Status(ex) + (ex.Code is { } code ? ", code " + code.ToString(CultureInfo.InvariantCulture) : string.Empty) + ")";
        var last = attempt >= _options.MaxSubmitAttempts;
        Record(index, before with
        {
            State = BatchLineState.Validated,
            Note = last ? what + " " + attempt.ToString(CultureInfo.InvariantCulture) + " times; a rerun sends it again" : what + "; " + next,
        });
        return !last && _stopReason is null;
    }

    private async Task<bool> WaitForSubmitSlotAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (cancellationToken.IsCancellationRequested || _stopReason is not null)
            {
                return false;
            }

            TimeSpan wait;
            lock (_gate)
            {
                wait = _submitsNotBefore - _time.GetUtcNow();
            }

            if (wait <= TimeSpan.Zero)
            {
                return true;
            }

            try
            {
                await TimeProviderDelay.Delay(_time, wait, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    private void PauseSubmits(TimeSpan pause)
    {
        lock (_gate)
        {
            var until = _time.GetUtcNow() + pause;
            if (until > _submitsNotBefore)
            {
                _submitsNotBefore = until;
            }
        }
    }

    /// <summary>Polls the line's task until it ends; the succeeded task, or null (failed, still running, interrupted).</summary>
    private async Task<VideoTask?> WaitAsync(int index, VideoTask? submitted, CancellationToken cancellationToken)
    {
        var entry = _entries[index];
        var channel = _items[index].Request.Channel;
        var schedule = _options.ScheduleFor?.Invoke(channel);
        VideoTask task;
        try
        {
            task = submitted is not null
                ? await _client.WaitForCompletionAsync(submitted, schedule, null, cancellationToken).ConfigureAwait(false)
                : await _client.WaitForCompletionAsync(channel, entry.TaskId ?? string.Empty, schedule, null, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskFailedException ex)
        {
            var refunded = channel.Pricing?.RefundsFailed == true;
            Record(index, _entries[index] with
            {
                State = BatchLineState.Failed,
                ErrorCode = ex.Task.Error?.Code,
                ErrorMessage = ex.ErrorMessage,
                Note = "task failed ('" + ex.Task.Status + "')" + (refunded ? "; refunded" : "; the channel does not refund failed tasks"),
            });
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (TaskWaitTimeoutException ex)
        {
            Record(index, _entries[index] with { Note = "still '" + ex.LastSeen.Status + "' after " + Seconds(ex.Waited) + "; a rerun polls it again" });
            return null;
        }
        catch (ReapiAuthenticationException ex)
        {
            var reason = "the API refused the key while polling (HTTP " + Status(ex) + "): " + OneLine(ex.Message);
            Record(index, _entries[index] with { Note = reason });
            Stop(reason);
            return null;
        }
        catch (Exception ex) when (ex is ReapiException or ArgumentException)
        {
            Record(index, _entries[index] with { Note = "polling failed: " + OneLine(ex.Message) + "; a rerun polls it again" });
            return null;
        }

        if (task.Output is not { VideoUrls.Count: > 0 } output)
        {
            Record(index, _entries[index] with { State = BatchLineState.Failed, Note = "the task succeeded ('" + task.Status + "') without a video URL" });
            return null;
        }

        Record(index, _entries[index] with { State = BatchLineState.Completed, VideoUrl = output.VideoUrls[0], Note = null });
        return task;
    }

    /// <summary>Downloads the video to a <c>.part</c> file, hashes it and moves it into place.</summary>
    private async Task DownloadAsync(int index, VideoTask task, CancellationToken cancellationToken)
    {
        var path = _paths[index];
        var partial = path + ".part";
        var url = task.Output!.VideoUrls[0];
        var before = Record(index, _entries[index] with { State = BatchLineState.Downloading, Path = path, Size = null, Sha256 = null });
        try
        {
            DeleteIfPresent(partial);
            using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await _client.DownloadAsync(url, file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            var (size, sha256) = Measure(partial);
            DeleteIfPresent(path);
            File.Move(partial, path);
            Record(index, before with { State = BatchLineState.Downloaded, Size = size, Sha256 = sha256, Note = null });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            DeleteIfPresent(partial);
            Record(index, before with { State = BatchLineState.Completed, Note = "download interrupted; a rerun downloads it" });
        }
        catch (Exception ex) when (ex is ReapiException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            DeleteIfPresent(partial);
            Record(index, before with { State = BatchLineState.Completed, Note = "download failed: " + OneLine(ex.Message) + "; a rerun polls for a fresh URL and downloads it" });
        }
    }

    private static (long Size, string Sha256) Measure(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
#if NET8_0_OR_GREATER
        var hash = SHA256.HashData(stream);
#else
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(stream);
#endif
        return (stream.Length, BatchItem.Hex(hash));
    }

    private static void DeleteIfPresent(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover .part is overwritten by the next attempt.
        }
    }

    /// <summary>Journals <paramref name="next"/> as the line's state, then reports it; returns it.</summary>
    private BatchJournalEntry Record(int index, BatchJournalEntry next)
    {
        // Durable first, outside the run's lock, so that the journal can group the transitions of concurrent lines into
        // one commit; each line's transitions come from one task at a time, so they stay in order.
        _journal.Record(next);
        lock (_gate)
        {
            var previous = _entries[index].State;
            Track(index, _entries[index], -1);
            _entries[index] = next;
            Track(index, next, +1);
            Report(next, previous);
            return next;
        }
    }

    private void Report(BatchJournalEntry entry, BatchLineState? previous)
    {
        _options.Progress?.Report(new BatchEvent(entry, previous, Counts(), _time.GetElapsedTime(_started)));
    }

    private BatchCounts Counts() => new(_byState, _creditsAccepted, _creditsRefunded, _entries.Length);

    /// <summary>Adds (<paramref name="sign"/> +1) or removes (-1) line <paramref name="index"/>'s <paramref name="entry"/> from the running counts.</summary>
    private void Track(int index, BatchJournalEntry entry, int sign)
    {
        _byState[entry.State] = (_byState.TryGetValue(entry.State, out var n) ? n : 0) + sign;
        if (entry.TaskId is not null && entry.Credits is { } credits)
        {
            _creditsAccepted += sign * credits;
            if (entry.State == BatchLineState.Failed && _items[index].Request.Channel.Pricing?.RefundsFailed == true)
            {
                _creditsRefunded += sign * credits;
            }
        }
    }

    private void Stop(string reason)
    {
        lock (_gate)
        {
            _stopReason ??= reason;
        }
    }

    private TimeSpan Clamp(TimeSpan pause) =>
        pause < TimeSpan.Zero ? TimeSpan.Zero : pause > _options.MaxRetryAfter ? _options.MaxRetryAfter : pause;

    private static string Status(ReapiException ex) =>
        ex.StatusCode is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : "no status";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static string OneLine(string message) =>
        message.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Trim();
}
