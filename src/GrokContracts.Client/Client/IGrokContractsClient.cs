using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GrokContracts;

/// <summary>
/// The video client: submit typed requests to their channel, poll and wait for tasks the way each channel's spec says,
/// download the videos.
/// </summary>
public interface IGrokContractsClient
{
    /// <summary>
    /// Validates <paramref name="request"/> (throwing <see cref="ContractValidationException"/> and sending nothing
    /// if it breaks its contract), then submits it once to its channel's submit endpoint: a submit is never retried,
    /// because every accepted submit bills.
    /// </summary>
    /// <returns>The task envelope (normally in a pending status); it remembers its channel.</returns>
    /// <exception cref="ContractValidationException">The request breaks its contract; nothing was sent.</exception>
    /// <exception cref="SubmitOutcomeUnknownException">The POST may have reached the server but no usable answer was read.</exception>
    /// <exception cref="ReapiException">The API answered with an error (a subclass says which).</exception>
    Task<VideoTask> SubmitAsync(IContractRequest request, CancellationToken cancellationToken = default);

    /// <summary>Polls a task of <paramref name="channel"/> once (polling is free; transient failures are retried).</summary>
    /// <exception cref="ArgumentException">The id is not <c>^[A-Za-z0-9_-]{1,128}$</c>; nothing was sent.</exception>
    /// <exception cref="ReapiException">The API answered with an error (e.g. <see cref="ReapiNotFoundException"/>).</exception>
    Task<VideoTask> GetTaskAsync(ChannelDescriptor channel, string taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls a task of <paramref name="channel"/> known only by its id (e.g. after a restart) until it succeeds, on
    /// <paramref name="schedule"/> (default: the options', else the channel's spec), reporting each poll to
    /// <paramref name="progress"/>. A status word the channel's spec does not list counts as still pending.
    /// </summary>
    /// <returns>The succeeded task.</returns>
    /// <exception cref="TaskFailedException">The task failed.</exception>
    /// <exception cref="TaskWaitTimeoutException">The schedule's timeout ran out.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the task itself goes on.</exception>
    Task<VideoTask> WaitForCompletionAsync(ChannelDescriptor channel, string taskId, PollingSchedule? schedule = null, IProgress<TaskProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Waits for a task this client submitted (or polled); it knows its channel.</summary>
    /// <returns>The succeeded task.</returns>
    /// <exception cref="TaskFailedException">The task failed.</exception>
    /// <exception cref="TaskWaitTimeoutException">The schedule's timeout ran out.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the task itself goes on.</exception>
    Task<VideoTask> WaitForCompletionAsync(VideoTask task, PollingSchedule? schedule = null, IProgress<TaskProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary><see cref="SubmitAsync"/> then <see cref="WaitForCompletionAsync(VideoTask, PollingSchedule, IProgress{TaskProgress}, CancellationToken)"/>.</summary>
    /// <remarks>
    /// The first report to <paramref name="progress"/> (<see cref="TaskProgress.PollCount"/> 0) carries the submitted
    /// task: keep its id, so that after a cancellation or a failed wait you can resume with
    /// <see cref="WaitForCompletionAsync(ChannelDescriptor, string, PollingSchedule, IProgress{TaskProgress}, CancellationToken)"/> instead of submitting (and paying) again.
    /// </remarks>
    Task<VideoTask> GenerateAsync(IContractRequest request, PollingSchedule? schedule = null, IProgress<TaskProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Streams the MP4 at <paramref name="url"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    Task<long> DownloadAsync(string url, Stream destination, CancellationToken cancellationToken = default);
}
