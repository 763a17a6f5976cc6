using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;

namespace GrokContracts.Cli.Submit;

/// <summary>
/// What <c>submit</c> and <c>task</c> share: the client (base URL and key rules), the polling schedule from
/// <c>--poll-interval</c>/<c>--timeout</c> on top of the channel's, waiting with a live status on stderr, and the download.
/// </summary>
internal static class TaskSession
{
    /// <summary>The key used when none is configured and the base URL is a loopback address (the emulator takes any key).</summary>
    internal const string EmulatorKey = "emulator";

    /// <summary>
    /// A client for <paramref name="channel"/>: the base URL is <c>--base-url</c>, else <c>$REAPI_BASE_URL</c>, else the
    /// channel's own from its spec; the key is <c>--api-key</c>, else <c>$REAPI_API_KEY</c>, else (loopback only) a dummy.
    /// </summary>
    public static GrokContractsClient CreateClient(CliContext context, ChannelDescriptor channel, string? baseUrlOption, string? apiKeyOption, PollingSchedule? schedule)
    {
        Uri? explicitBase = null;
        var baseUrlText = baseUrlOption ?? Variable(context, GrokContractsClientOptions.BaseUrlVariable);
        if (baseUrlText is not null)
        {
            if (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out explicitBase) || (explicitBase.Scheme != Uri.UriSchemeHttp && explicitBase.Scheme != Uri.UriSchemeHttps))
            {
                throw new CliUsageException($"the base URL '{baseUrlText}' is not an absolute http(s) URL");
            }
        }

        var target = explicitBase ?? channel.BaseUrl;
        var key = apiKeyOption ?? Variable(context, GrokContractsClientOptions.ApiKeyVariable);
        if (key is null && target.IsLoopback)
        {
            key = EmulatorKey;
        }

        if (key is null)
        {
            throw new CliUsageException($"no API key: pass --api-key or set {GrokContractsClientOptions.ApiKeyVariable}");
        }

        var options = new GrokContractsClientOptions { ApiKey = key, BaseUrl = explicitBase, PollingSchedule = schedule };
        try
        {
            var client = new GrokContractsClient(options);
            _ = client.GetBaseUrl(channel); // A spec's plain-http remote base URL is a usage error here, before anything is sent.
            return client;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // The client's messages never contain the key.
            throw new CliUsageException(ex.Message, ex);
        }
    }

    /// <summary>
    /// The schedule to wait on: the channel's (from its spec), or every <paramref name="pollIntervalSeconds"/> when given,
    /// with <paramref name="timeoutSeconds"/> as the timeout when given; null when neither option is given.
    /// </summary>
    public static PollingSchedule? Schedule(ChannelDescriptor channel, double? pollIntervalSeconds, double? timeoutSeconds)
    {
        if (pollIntervalSeconds is null && timeoutSeconds is null)
        {
            return null;
        }

        var basis = channel.Polling ?? PollingSchedule.Fallback;
        var timeout = timeoutSeconds is { } t ? TimeSpan.FromSeconds(t) : basis.Timeout;
        return pollIntervalSeconds is { } every
            ? new PollingSchedule([new PollingPhase(null, TimeSpan.FromSeconds(every))], timeout)
            : basis.WithTimeout(timeout);
    }

    /// <summary>Waits for <paramref name="task"/> with a spinner on an interactive stderr, else one line per poll.</summary>
    public static async Task<VideoTask> WaitAsync(CliContext context, GrokContractsClient client, VideoTask task, CancellationToken cancellationToken)
    {
        var console = context.CreateStatusConsole();
        static string Describe(TaskProgress p) =>
            $"task {p.TaskId}: {p.Status} after {p.Elapsed.TotalSeconds:0} s, {p.PollCount} poll{(p.PollCount == 1 ? string.Empty : "s")}"
            + (p.NextPollIn is { } next ? $", next in {next.TotalSeconds:0.#} s" : string.Empty);

        if (!console.Profile.Capabilities.Interactive)
        {
            var lines = new PollReporter(p => console.WriteLine(Describe(p)));
            return await client.WaitForCompletionAsync(task, progress: lines, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        VideoTask? completed = null;
        await console.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync(Markup.Escape($"task {task.Id}: {task.Status}"), async status =>
            {
                var live = new PollReporter(p => status.Status = Markup.Escape(Describe(p)));
                completed = await client.WaitForCompletionAsync(task, progress: live, cancellationToken: cancellationToken).ConfigureAwait(false);
            })
            .ConfigureAwait(false);
        return completed!;
    }

    /// <summary>
    /// Prints the outcome of a wait that ended, downloads the video to <paramref name="outPath"/> (through a <c>.part</c>
    /// file moved into place), and returns the exit code.
    /// </summary>
    public static async Task<int> FinishAsync(CliContext context, GrokContractsClient client, VideoTask task, string? outPath, string? outText, CancellationToken cancellationToken)
    {
        await context.Out.WriteLineAsync("status: " + task.Status).ConfigureAwait(false);
        foreach (var url in task.Output?.VideoUrls ?? [])
        {
            await context.Out.WriteLineAsync("video_url: " + url).ConfigureAwait(false);
        }

        if (outPath is null)
        {
            return ExitCodes.Success;
        }

        try
        {
            var partial = outPath + ".part";
            long bytes;
            var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                bytes = await client.DownloadAsync(task, file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, outPath, overwrite: true);
            await context.Out.WriteLineAsync("saved: " + outText).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"saved {outText} ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is ReapiException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            var validFor = task.Channel.VideoUrlsValidFor is { } span ? $" (the URL stays valid for {span})" : string.Empty;
            await context.Error.WriteLineAsync($"{CliApp.Name}: download of task {task.Id} failed: {CliApp.OneLine(ex.Message)}{validFor}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>Waits and finishes, turning a failed task, an interruption or an API error into its exit code.</summary>
    public static async Task<int> WaitAndFinishAsync(CliContext context, GrokContractsClient client, VideoTask task, string? outPath, string? outText, CancellationToken cancellationToken)
    {
        try
        {
            task = await WaitAsync(context, client, task, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskFailedException ex)
        {
            await context.Out.WriteLineAsync("status: " + ex.Task.Status).ConfigureAwait(false);
            var code = ex.Task.Error?.Code is { } c ? c + " " : string.Empty;
            var refund = ex.Task.Channel.Pricing?.RefundsFailed == true ? " (failed tasks are refunded)" : string.Empty;
            await context.Error.WriteLineAsync($"task {ex.TaskId} failed: {code}{ex.ErrorMessage}{refund}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"stopped waiting; task {task.Id} goes on (polling is free: submit nothing again, resume with '{CliApp.Name} task {task.Id} --model {task.Channel.ModelId} --wait')").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (ReapiException ex)
        {
            await context.Error.WriteLineAsync($"{CliApp.Name}: waiting for task {task.Id} failed: {CliApp.OneLine(ex.Message)}{RequestId(ex)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        return await FinishAsync(context, client, task, outPath, outText, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The full path of an output file option (<c>--out</c>, <c>--report</c>), checked before anything is sent (every accepted submit bills).</summary>
    public static string CheckOutputPath(string path, string option = "--out", string what = "the video file")
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliUsageException($"{option}: '{path}' is not a valid path", ex);
        }

        if (Directory.Exists(full))
        {
            throw new CliUsageException($"{option}: '{path}' is a directory; name {what}");
        }

        var directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new CliUsageException($"{option}: directory '{directory}' does not exist");
        }

        return full;
    }

    public static string RequestId(ReapiException ex) => ex.RequestId is null ? string.Empty : $" (request_id {ex.RequestId})";

    private static string? Variable(CliContext context, string name) =>
        context.Environment.GetVariable(name) is { Length: > 0 } value ? value : null;
}
