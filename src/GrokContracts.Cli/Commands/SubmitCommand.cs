using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Cli.Submit;
using Spectre.Console;

namespace GrokContracts.Cli.Commands;

/// <summary>
/// <c>submit</c>: builds the chosen channel's generated request, validates it (the API's envelope on stdout and exit 1
/// when invalid; nothing is sent), submits it once with the runtime client, and with <c>--wait</c> / <c>--out</c> polls
/// with a live status on stderr and downloads the MP4. Results go to stdout as <c>key: value</c> lines.
/// </summary>
internal static class SubmitCommand
{
    /// <summary>The key used when none is configured and the base URL is a loopback address (the emulator takes any key).</summary>
    internal const string EmulatorKey = "emulator";

    private const double MaxSeconds = 2 * 24 * 3600;

    public static Command Create(CliContext context)
    {
        var prompt = new Option<string>("--prompt") { Description = "Shot direction: camera move, subject motion, atmosphere, sound.", HelpName = "text" };
        var image = new Option<string[]>("--image")
        {
            Description = "Public http(s) URL of the reference image (the channels take exactly one).",
            HelpName = "url",
            Arity = ArgumentArity.OneOrMore,
        };
        var model = new Option<string>("--model")
        {
            Description = "Channel: official, beta, or a full model id.",
            HelpName = "official|beta|id",
            DefaultValueFactory = _ => "official",
        };
        var aspectRatio = new Option<string>("--aspect-ratio") { Description = "Wire value, e.g. 16:9, 9:16, 1:1 (beta: auto).", HelpName = "ratio" };
        var resolution = new Option<string>("--resolution") { Description = "Wire value, e.g. 480p or 720p.", HelpName = "res" };
        var duration = new Option<int?>("--duration") { Description = "Clip length in seconds.", HelpName = "seconds" };
        var noAudio = new Option<bool>("--no-audio") { Description = "Silent video (official channel: audio false)." };
        var nsfwChecker = new Option<bool?>("--nsfw-checker") { Description = "Turn the NSFW checker on or off (beta channel).", HelpName = "true|false" };
        var wait = new Option<bool>("--wait") { Description = "Poll until the task completes, showing progress." };
        var output = new Option<string>("--out") { Description = "Download the video to this file (implies --wait).", HelpName = "video.mp4" };
        var baseUrl = new Option<string>("--base-url") { Description = "API base URL (default: $REAPI_BASE_URL, else https://reapi.ai).", HelpName = "url" };
        var apiKey = new Option<string>("--api-key") { Description = "API key (default: $REAPI_API_KEY). Never printed.", HelpName = "key" };
        var pollInterval = OptionValues.Seconds(
            new Option<double?>("--poll-interval") { Description = "Seconds between polls in the first five minutes (default: the reference's 5 s schedule).", HelpName = "seconds" },
            0,
            MaxSeconds,
            positive: true);
        var timeout = OptionValues.Seconds(
            new Option<double?>("--timeout") { Description = "Give up waiting after this many seconds (default: 48 hours).", HelpName = "seconds" },
            0,
            MaxSeconds,
            positive: true);

        var command = new Command("submit", "Build a typed request, validate it, submit it and optionally wait for and download the video.")
        {
            prompt, image, model, aspectRatio, resolution, duration, noAudio, nsfwChecker, wait, output, baseUrl, apiKey, pollInterval, timeout,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var arguments = new SubmitArguments(
                parseResult.GetValue(prompt),
                parseResult.GetValue(image) ?? [],
                parseResult.GetValue(aspectRatio),
                parseResult.GetValue(resolution),
                parseResult.GetValue(duration),
                parseResult.GetValue(noAudio),
                parseResult.GetValue(nsfwChecker));
            var settings = new SubmitSettings(
                parseResult.GetRequiredValue(model),
                parseResult.GetValue(wait),
                parseResult.GetValue(output),
                parseResult.GetValue(baseUrl),
                parseResult.GetValue(apiKey),
                parseResult.GetValue(pollInterval),
                parseResult.GetValue(timeout));
            return RunAsync(context, arguments, settings, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, SubmitArguments arguments, SubmitSettings settings, CancellationToken cancellationToken)
    {
        var channel = TypedChannels.Find(settings.Model);
        var request = channel.Build(arguments);
        var violations = request.Validate();
        if (violations.Count > 0)
        {
            var first = violations[0];
            await context.Out.WriteLineAsync(ErrorEnvelope.Format(first.Code, first.Message)).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"rejected before sending: {first.Path}: {first.Code} {first.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        // Everything that can be checked locally is checked before the submit: every accepted POST bills.
        var outPath = settings.Out is null ? null : CheckOutputPath(settings.Out);
        var schedule = Schedule(settings);
        using var client = CreateClient(context, settings);

        VideoTask task;
        try
        {
            task = await client.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ReapiValidationException ex)
        {
            await context.Out.WriteLineAsync(ErrorEnvelope.Format(ex.Code ?? 0, ex.Message)).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"rejected by the API: {CliApp.OneLine(ex.Message)}{RequestId(ex)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (ReapiException ex)
        {
            await context.Error.WriteLineAsync($"{CliApp.Name}: submit failed: {CliApp.OneLine(ex.Message)}{RequestId(ex)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await context.Out.WriteLineAsync("id: " + task.Id).ConfigureAwait(false);
        await context.Error.WriteLineAsync($"submitted {channel.ModelId} task {task.Id} ({task.Status})").ConfigureAwait(false);
        if (!settings.Wait && outPath is null)
        {
            await context.Out.WriteLineAsync("status: " + task.Status).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        try
        {
            task = await WaitAsync(context, client, task, schedule, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskFailedException ex)
        {
            await context.Out.WriteLineAsync("status: " + ex.Task.Status).ConfigureAwait(false);
            var code = ex.Task.Error?.Code is { } c ? c + " " : string.Empty;
            await context.Error.WriteLineAsync($"task {ex.TaskId} failed: {code}{ex.ErrorMessage} (failed tasks are refunded)").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"stopped waiting; task {task.Id} goes on (polling is free: submit nothing again, poll it by id)").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (ReapiException ex)
        {
            await context.Error.WriteLineAsync($"{CliApp.Name}: waiting for task {task.Id} failed: {CliApp.OneLine(ex.Message)}{RequestId(ex)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await context.Out.WriteLineAsync("status: " + task.Status).ConfigureAwait(false);
        foreach (var url in task.Output?.VideoUrls ?? [])
        {
            await context.Out.WriteLineAsync("video_url: " + url).ConfigureAwait(false);
        }

        if (outPath is not null)
        {
            try
            {
                var bytes = await DownloadAsync(client, task, outPath, cancellationToken).ConfigureAwait(false);
                await context.Out.WriteLineAsync("saved: " + settings.Out).ConfigureAwait(false);
                await context.Error.WriteLineAsync($"saved {settings.Out} ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)").ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ReapiException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                await context.Error.WriteLineAsync($"{CliApp.Name}: download of task {task.Id} failed: {CliApp.OneLine(ex.Message)} (the URL stays valid for 7 days)").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        }

        return ExitCodes.Success;
    }

    private static async Task<VideoTask> WaitAsync(CliContext context, GrokContractsClient client, VideoTask task, PollingSchedule? schedule, CancellationToken cancellationToken)
    {
        var console = context.CreateStatusConsole();
        static string Describe(TaskProgress p) =>
            $"task {p.TaskId}: {p.Status} after {p.Elapsed.TotalSeconds:0} s, {p.PollCount} poll{(p.PollCount == 1 ? string.Empty : "s")}"
            + (p.NextPollIn is { } next ? $", next in {next.TotalSeconds:0.#} s" : string.Empty);

        if (!console.Profile.Capabilities.Interactive)
        {
            var lines = new PollReporter(p => console.WriteLine(Describe(p)));
            return await client.WaitForCompletionAsync(task.Id, schedule, lines, cancellationToken).ConfigureAwait(false);
        }

        VideoTask? completed = null;
        await console.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync(Markup.Escape($"task {task.Id}: {task.Status}"), async status =>
            {
                var live = new PollReporter(p => status.Status = Markup.Escape(Describe(p)));
                completed = await client.WaitForCompletionAsync(task.Id, schedule, live, cancellationToken).ConfigureAwait(false);
            })
            .ConfigureAwait(false);
        return completed!;
    }

    private static async Task<long> DownloadAsync(GrokContractsClient client, VideoTask task, string outPath, CancellationToken cancellationToken)
    {
        var url = task.Output?.VideoUrls is { Count: > 0 } urls ? urls[0] : throw new InvalidOperationException("the completed task has no video URL");

        // Download beside the target and move it into place, so an interrupted download never looks like a video.
        var partial = outPath + ".part";
        long bytes;
        var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            bytes = await client.DownloadAsync(url, file, cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, outPath, overwrite: true);
        return bytes;
    }

    private static string CheckOutputPath(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliUsageException($"--out: '{path}' is not a valid path", ex);
        }

        if (Directory.Exists(full))
        {
            throw new CliUsageException($"--out: '{path}' is a directory; name the video file");
        }

        var directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new CliUsageException($"--out: directory '{directory}' does not exist");
        }

        return full;
    }

    private static PollingSchedule? Schedule(SubmitSettings settings)
    {
        if (settings.PollIntervalSeconds is null && settings.TimeoutSeconds is null)
        {
            return null;
        }

        var defaults = PollingSchedule.Default;
        return new PollingSchedule
        {
            InitialInterval = settings.PollIntervalSeconds is { } interval ? TimeSpan.FromSeconds(interval) : defaults.InitialInterval,
            Timeout = settings.TimeoutSeconds is { } timeout ? TimeSpan.FromSeconds(timeout) : defaults.Timeout,
        };
    }

    private static GrokContractsClient CreateClient(CliContext context, SubmitSettings settings)
    {
        var baseUrlText = settings.BaseUrl ?? Variable(context, GrokContractsClientOptions.BaseUrlVariable) ?? GrokContractsClientOptions.DefaultBaseUrl;
        if (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliUsageException($"the base URL '{baseUrlText}' is not an absolute http(s) URL");
        }

        var key = settings.ApiKey ?? Variable(context, GrokContractsClientOptions.ApiKeyVariable);
        if (key is null && baseUrl.IsLoopback)
        {
            key = EmulatorKey;
        }

        if (key is null)
        {
            throw new CliUsageException($"no API key: pass --api-key or set {GrokContractsClientOptions.ApiKeyVariable}");
        }

        var options = new GrokContractsClientOptions { ApiKey = key, BaseUrl = baseUrl };
        if (settings.PollIntervalSeconds is not null || settings.TimeoutSeconds is not null)
        {
            options.PollingSchedule = Schedule(settings)!;
        }

        try
        {
            return new GrokContractsClient(options);
        }
        catch (ArgumentException ex)
        {
            // The client's messages never contain the key.
            throw new CliUsageException(ex.Message, ex);
        }
    }

    private static string? Variable(CliContext context, string name) =>
        context.Environment.GetVariable(name) is { Length: > 0 } value ? value : null;

    private static string RequestId(ReapiException ex) => ex.RequestId is null ? string.Empty : $" (request_id {ex.RequestId})";

    private sealed record SubmitSettings(string Model, bool Wait, string? Out, string? BaseUrl, string? ApiKey, double? PollIntervalSeconds, double? TimeoutSeconds);
}
