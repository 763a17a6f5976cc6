using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Internal;

namespace GrokContracts;

public sealed partial class GrokContractsClient
{
    /// <inheritdoc />
    public async Task<VideoTask> GetTaskAsync(ChannelDescriptor channel, string taskId, CancellationToken cancellationToken = default)
    {
        if (channel is null)
        {
            throw new ArgumentNullException(nameof(channel));
        }

        TaskIds.EnsureValid(taskId, nameof(taskId));
        return (await PollAsync(channel, taskId, cancellationToken).ConfigureAwait(false)).Task;
    }

    /// <inheritdoc />
    public Task<VideoTask> WaitForCompletionAsync(ChannelDescriptor channel, string taskId, PollingSchedule? schedule = null, IProgress<TaskProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (channel is null)
        {
            throw new ArgumentNullException(nameof(channel));
        }

        TaskIds.EnsureValid(taskId, nameof(taskId));
        return WaitCoreAsync(channel, taskId, null, schedule, progress, cancellationToken);
    }

    /// <inheritdoc />
    public Task<VideoTask> WaitForCompletionAsync(VideoTask task, PollingSchedule? schedule = null, IProgress<TaskProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        return WaitCoreAsync(task, schedule, progress, cancellationToken);
    }

    /// <summary>
    /// The schedule a wait follows: the call's, else the options', else the channel's spec, else
    /// <see cref="PollingSchedule.Fallback"/>.
    /// </summary>
    private PollingSchedule ScheduleFor(ChannelDescriptor channel, PollingSchedule? schedule) =>
        schedule ?? _options.PollingSchedule ?? channel.Polling ?? PollingSchedule.Fallback;

    // Async, so a task that already failed faults the returned Task (as a failure found by polling does) instead of throwing at the call.
    private async Task<VideoTask> WaitCoreAsync(VideoTask submitted, PollingSchedule? schedule, IProgress<TaskProgress>? progress, CancellationToken cancellationToken)
    {
        if (submitted.IsTerminal)
        {
            return Finish(submitted, 0);
        }

        TaskIds.EnsureValid(submitted.Id, nameof(submitted));
        return await WaitCoreAsync(submitted.Channel, submitted.Id, submitted, schedule, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<VideoTask> WaitCoreAsync(ChannelDescriptor channel, string taskId, VideoTask? lastSeen, PollingSchedule? schedule, IProgress<TaskProgress>? progress, CancellationToken cancellationToken)
    {
        schedule = ScheduleFor(channel, schedule);
        schedule.Validate();
        var start = _time.GetTimestamp();

        // Deadlines are kept on an absolute timeline, so a slow poll does not push every later poll back.
        var nextDue = lastSeen is null ? TimeSpan.Zero : schedule.GetInterval(TimeSpan.Zero);
        var polls = 0;
        var failuresInARow = 0;
        while (true)
        {
            var elapsed = _time.GetElapsedTime(start);
            if (nextDue > elapsed)
            {
                await TimeProviderDelay.Delay(_time, nextDue - elapsed, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan? floor;
            try
            {
                (lastSeen, floor) = await PollAsync(channel, taskId, cancellationToken).ConfigureAwait(false);
                failuresInARow = 0;
            }
            catch (ReapiException ex) when (IsTransientPollFailure(ex) && failuresInARow < schedule.MaxConsecutiveFailedPolls)
            {
                failuresInARow++;
                floor = (ex as ReapiRateLimitedException)?.RetryAfter;
                elapsed = _time.GetElapsedTime(start);
                nextDue = NextDeadline(schedule, nextDue, elapsed, floor);
                ClientLog.PollPostponed(_logger, taskId, ex, nextDue - elapsed);
                if (elapsed >= schedule.Timeout)
                {
                    throw;
                }

                continue;
            }

            polls++;
            elapsed = _time.GetElapsedTime(start);
            ClientLog.Polled(_logger, lastSeen, polls, elapsed);
            if (lastSeen.IsTerminal)
            {
                progress?.Report(new TaskProgress(lastSeen, polls, elapsed, null));
                return Finish(lastSeen, polls);
            }

            if (elapsed >= schedule.Timeout)
            {
                progress?.Report(new TaskProgress(lastSeen, polls, elapsed, null));
                throw new TaskWaitTimeoutException(lastSeen, elapsed);
            }

            nextDue = NextDeadline(schedule, nextDue, elapsed, floor);
            progress?.Report(new TaskProgress(lastSeen, polls, elapsed, nextDue - elapsed));
        }
    }

    private static TimeSpan NextDeadline(PollingSchedule schedule, TimeSpan previousDue, TimeSpan now, TimeSpan? floor)
    {
        var next = previousDue + schedule.GetInterval(previousDue);
        if (next < now)
        {
            next = now; // Late (a slow poll or retries): poll once right away, then resume the schedule from here.
        }

        if (floor is TimeSpan f && now + f > next)
        {
            next = now + f;
        }

        // One last poll exactly at the timeout, not later.
        return next > schedule.Timeout && now < schedule.Timeout ? schedule.Timeout : next;
    }

    private static bool IsTransientPollFailure(ReapiException exception) =>
        exception is ReapiRateLimitedException or ReapiServerException or ReapiConnectionException
        || (exception.StatusCode is { } status && PollRetryPipeline.IsTransientStatus(status));

    private VideoTask Finish(VideoTask task, int polls)
    {
        ClientLog.TaskEnded(_logger, task, polls);
        if (task.StatusKind == VideoTaskStatus.Failed)
        {
            var code = task.Error is { } e ? e.Code.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + _redactor.Redact(e.Message) : "no error details";
            var refund = task.Channel.Pricing?.RefundsFailed == true ? " Failed tasks on " + task.Channel.ModelId + " are refunded automatically." : string.Empty;
            throw new TaskFailedException(task, "Task " + task.Id + " failed (" + code + ")." + refund);
        }

        return task;
    }

    /// <summary>One poll of the task, with the spec's method (the handler retries transient failures), with the answer's Retry-After, if any.</summary>
    private async Task<(VideoTask Task, TimeSpan? RetryAfter)> PollAsync(ChannelDescriptor channel, string taskId, CancellationToken cancellationToken)
    {
        using var message = CreateApiRequest(channel, channel.Poll, taskId);
        PollRetryPipeline.MarkAsPoll(message);
        using var response = await SendRetryableAsync(message, "Polling task " + taskId, cancellationToken).ConfigureAwait(false);
        var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        if (!IsSuccess(response.StatusCode))
        {
            var error = ApiErrors.FromResponse(response, body, _redactor, _time.GetUtcNow(), _options.MaxRetryAfter);
            ClientLog.RequestFailed(_logger, "Poll", error);
            throw error;
        }

        var task = body.TooLarge ? null : ReadTask(body, channel);
        if (task is null)
        {
            var why = body.TooLarge
                ? "larger than " + _options.MaxResponseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes"
                : "not the task envelope (or JSON deeper than 64 levels)";
            throw new ReapiProtocolException("The poll's response body is " + why + ".", response.StatusCode, ApiErrors.HeaderRequestId(response), _redactor.Redact(body.Snippet()));
        }

        return (task, RetryAfterHeader.Read(response, _time.GetUtcNow(), _options.MaxRetryAfter));
    }

    /// <summary>Sends a poll or download (the handler may retry it), mapping a transport failure to <see cref="ReapiConnectionException"/>.</summary>
    private async Task<HttpResponseMessage> SendRetryableAsync(HttpRequestMessage message, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException || ex is OperationCanceledException || ex is IOException)
        {
            var what = ex is OperationCanceledException ? "timed out" : "failed: " + _redactor.Redact(ex.Message);
            throw new ReapiConnectionException(operation + " " + what, ex);
        }
    }

    private async Task<ResponseBody> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await ResponseBody.ReadAsync(response.Content, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException || ex is OperationCanceledException || ex is IOException)
        {
            throw new ReapiConnectionException("The response body broke off: " + _redactor.Redact(ex.Message), ex);
        }
    }
}
