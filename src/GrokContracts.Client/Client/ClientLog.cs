using System;
using Microsoft.Extensions.Logging;

namespace GrokContracts;

/// <summary>The client's log messages. None of them has a place for the API key.</summary>
internal static class ClientLog
{
    private static readonly Action<ILogger, string, Exception?> SubmittingMessage =
        LoggerMessage.Define<string>(LogLevel.Debug, new EventId(1, "Submitting"), "Submitting a {Model} request");

    private static readonly Action<ILogger, string, string, Exception?> SubmittedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(2, "Submitted"), "Submitted task {TaskId} ({Status})");

    private static readonly Action<ILogger, string, string, int, TimeSpan, Exception?> PolledMessage =
        LoggerMessage.Define<string, string, int, TimeSpan>(LogLevel.Debug, new EventId(3, "Polled"), "Task {TaskId} is {Status} (poll {PollCount}, {Elapsed} elapsed)");

    private static readonly Action<ILogger, string, int, string, int?, string?, Exception?> FailedMessage =
        LoggerMessage.Define<string, int, string, int?, string?>(LogLevel.Warning, new EventId(4, "RequestFailed"), "{Operation} failed with HTTP {StatusCode} ({ExceptionType}), code {Code}, request_id {RequestId}");

    private static readonly Action<ILogger, string, Exception?> OutcomeUnknownMessage =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(5, "SubmitOutcomeUnknown"), "The submit's outcome is unknown ({Reason}); it was not retried because a submit bills");

    private static readonly Action<ILogger, string, string, TimeSpan, Exception?> PollPostponedMessage =
        LoggerMessage.Define<string, string, TimeSpan>(LogLevel.Information, new EventId(6, "PollPostponed"), "Polling task {TaskId} failed transiently ({ExceptionType}); next poll in {Delay}");

    private static readonly Action<ILogger, long, Exception?> DownloadedMessage =
        LoggerMessage.Define<long>(LogLevel.Debug, new EventId(7, "Downloaded"), "Downloaded {Bytes} bytes");

    private static readonly Action<ILogger, string, int, string, Exception?> TaskEndedMessage =
        LoggerMessage.Define<string, int, string>(LogLevel.Information, new EventId(8, "TaskEnded"), "Task {TaskId} ended after {PollCount} polls: {Status}");

    public static void Submitting(ILogger logger, string model) => SubmittingMessage(logger, model, null);

    public static void Submitted(ILogger logger, VideoTask task) => SubmittedMessage(logger, task.Id, task.Status, null);

    public static void Polled(ILogger logger, VideoTask task, int pollCount, TimeSpan elapsed) => PolledMessage(logger, task.Id, task.Status, pollCount, elapsed, null);

    // The exception itself is not attached: its text is already redacted, but keeping logs to fields makes that obvious.
    public static void RequestFailed(ILogger logger, string operation, ReapiException exception) =>
        FailedMessage(logger, operation, exception.StatusCode is { } s ? (int)s : 0, exception.GetType().Name, exception.Code, exception.RequestId, null);

    public static void OutcomeUnknown(ILogger logger, string reason) => OutcomeUnknownMessage(logger, reason, null);

    public static void PollPostponed(ILogger logger, string taskId, Exception exception, TimeSpan delay) => PollPostponedMessage(logger, taskId, exception.GetType().Name, delay, null);

    public static void Downloaded(ILogger logger, long bytes) => DownloadedMessage(logger, bytes, null);

    public static void TaskEnded(ILogger logger, VideoTask task, int pollCount) => TaskEndedMessage(logger, task.Id, pollCount, task.Status, null);
}
