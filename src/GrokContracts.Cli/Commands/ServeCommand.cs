using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Emulator;

namespace GrokContracts.Cli.Commands;

/// <summary>
/// <c>serve</c>: runs the local emulator on 127.0.0.1 until Ctrl+C. The first line on stdout is its base URL (so a
/// script can read it); the rest goes to stderr, including one line per request answered
/// (<c>&lt;METHOD&gt; &lt;path&gt; -&gt; &lt;status&gt;</c>, plus the task id of an accepted submit), so a user or a test
/// sees exactly how many submits a program made.
/// </summary>
internal static class ServeCommand
{
    private const double MaxDelaySeconds = 2 * 24 * 3600;

    public static Command Create(CliContext context)
    {
        var port = OptionValues.Integer(
            new Option<int>("--port") { Description = "Loopback port to listen on; 0 (the default) picks a free one.", HelpName = "N" },
            0,
            65535);
        var delay = OptionValues.Seconds(
            new Option<double?>("--delay") { Description = "Seconds a task stays in its channel's pending status words before it completes or fails (default 5).", HelpName = "seconds" },
            0,
            MaxDelaySeconds,
            positive: false);
        var submitDelay = OptionValues.Seconds(
            new Option<double?>("--submit-delay") { Description = "Seconds an accepted submit takes to answer; its task exists from the start, as behind a slow gateway (default 0).", HelpName = "seconds" },
            0,
            MaxDelaySeconds,
            positive: false);
        var apiKey = new Option<string>("--api-key")
        {
            Description = "Accept only this bearer token (default: any non-empty token).",
            HelpName = "KEY",
        };
        var spec = CheckCommand.SpecOption();
        var command = new Command("serve", "Run the local emulator of every loaded spec's endpoints on 127.0.0.1 until Ctrl+C.")
        {
            port, delay, submitDelay, apiKey, spec,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            parseResult.GetValue(port),
            TimeSpan.FromSeconds(parseResult.GetValue(delay) ?? 5),
            TimeSpan.FromSeconds(parseResult.GetValue(submitDelay) ?? 0),
            parseResult.GetValue(apiKey),
            parseResult.GetValue(spec) ?? [],
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, int port, TimeSpan delay, TimeSpan submitDelay, string? apiKey, string[] specPaths, CancellationToken cancellationToken)
    {
        // Check the user's specs here, so a broken one is a one-line usage error rather than the emulator's exception.
        Specs.SpecSources.LoadCatalog(specPaths, context.Environment);
        var log = new object();
        var options = new ReapiEmulatorOptions
        {
            Port = port,
            CompletionDelay = delay,
            SubmitDelay = submitDelay,
            ApiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey,
            RequestLog = request =>
            {
                lock (log)
                {
                    context.Error.WriteLine(request.ToString());
                    context.Error.Flush();
                }
            },
        };
        foreach (var path in specPaths)
        {
            options.SpecPaths.Add(Path.GetFullPath(path));
        }

        ReapiEmulator emulator;
        try
        {
            emulator = await ReapiEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new CliUsageException($"cannot listen on 127.0.0.1:{port}: {CliApp.OneLine(ex.Message)}", ex);
        }

        await using (emulator.ConfigureAwait(false))
        {
            var baseUrl = emulator.BaseUrl.ToString().TrimEnd('/');
            await context.Out.WriteLineAsync(baseUrl).ConfigureAwait(false);
            await context.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"Emulator listening on {baseUrl} for {string.Join(", ", emulator.Models)}; tasks complete after {delay.TotalSeconds:0.###} s.").ConfigureAwait(false);
            var keys = options.ApiKey is null ? "any non-empty API key is accepted" : "only the --api-key given is accepted";
            await context.Error.WriteLineAsync($"Point a client at it with REAPI_BASE_URL={baseUrl} ({keys}). Press Ctrl+C to stop.").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await context.Error.WriteLineAsync("Emulator stopped.").ConfigureAwait(false);
            }
        }

        return ExitCodes.Success;
    }
}
