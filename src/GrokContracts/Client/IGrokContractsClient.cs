using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GrokContracts;

/// <summary>The reAPI video client: submit typed requests, poll and wait for tasks, download the videos.</summary>
public interface IGrokContractsClient
{
    /// <summary>
    /// Validates <paramref name="request"/> (throwing <see cref="ContractValidationException"/> and sending nothing
    /// if it breaks its contract), then submits it once: a submit is never retried, because every accepted POST bills.
    /// </summary>
    /// <returns>The task envelope (normally <c>processing</c>).</returns>
    /// <exception cref="ContractValidationException">The request breaks its contract; nothing was sent.</exception>
    /// <exception cref="SubmitOutcomeUnknownException">The POST may have reached the server but no usable answer was read.</exception>
    /// <exception cref="ReapiException">The API answered with an error (a subclass says which).</exception>
    Task<VideoTask> SubmitAsync(IContractRequest request, CancellationToken cancellationToken = default);

    /// <summary>Polls a task once (polling is free; transient failures are retried up to 3 times).</summary>
    /// <exception cref="ArgumentException">The id is not <c>^[A-Za-z0-9_-]{1,128}$</c>; nothing was sent.</exception>
    /// <exception cref="ReapiException">The API answered with an error (e.g. <see cref="ReapiNotFoundException"/>).</exception>
    Task<VideoTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls a task on <paramref name="schedule"/> (default: the client's, after the reference's recommendation)
    /// until it is completed, reporting each poll to <paramref name="progress"/>.
    /// </summary>
    /// <returns>The completed task.</returns>
    /// <exception cref="TaskFailedException">The task failed (it was refunded).</exception>
    /// <exception cref="TaskWaitTimeoutException">The schedule's timeout (48 h by default) ran out.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the task itself goes on.</exception>
    Task<VideoTask> WaitForCompletionAsync(string taskId, PollingSchedule? schedule = null, IProgress<TaskProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary><see cref="SubmitAsync"/> then <see cref="WaitForCompletionAsync"/>.</summary>
    /// <remarks>
    /// The first report to <paramref name="progress"/> (<see cref="TaskProgress.PollCount"/> 0) carries the submitted
    /// task: keep its id, so that after a cancellation or a failed wait you can resume with
    /// <see cref="WaitForCompletionAsync"/> instead of submitting (and paying) again.
    /// </remarks>
    Task<VideoTask> GenerateAsync(IContractRequest request, PollingSchedule? schedule = null, IProgress<TaskProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Streams the MP4 at <paramref name="url"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    Task<long> DownloadAsync(string url, Stream destination, CancellationToken cancellationToken = default);
}
