// The README's main job: build a typed request from the contract, submit it, wait the way the API asks,
// download the video. With no configuration it runs against the emulator in-process on 127.0.0.1;
// with REAPI_API_KEY set it talks to the hosted API (and spends credits).
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts;
using GrokContracts.Emulator;
using GrokContracts.GrokImagineVideo15Official;
using Beta = GrokContracts.GrokImagineVideo15Beta;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var apiKey = Environment.GetEnvironmentVariable(GrokContractsClientOptions.ApiKeyVariable);
ReapiEmulator? emulator = null;
GrokContractsClientOptions options;
if (string.IsNullOrWhiteSpace(apiKey))
{
    emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = TimeSpan.FromSeconds(3) }, cancel.Token);
    options = new GrokContractsClientOptions
    {
        ApiKey = "sample-key",
        BaseUrl = emulator.BaseUrl,
        // The emulator finishes in seconds: the channel's own schedule (from its spec) five times faster, every 1 s.
        PollingSchedule = GrokImagineVideo15OfficialChannel.Descriptor.Polling!.Scale(0.2),
    };
    Console.WriteLine($"No {GrokContractsClientOptions.ApiKeyVariable} set: using the local emulator at {emulator.BaseUrl}");
}
else
{
    options = GrokContractsClientOptions.FromEnvironment();
    Console.WriteLine($"Using the hosted API at {options.BaseUrl ?? GrokImagineVideo15OfficialChannel.Descriptor.BaseUrl}");
}

try
{
    // 1. A typed request: required parameters in the constructor, the rest start at the contract's defaults.
    var request = new VideoGenerationRequest(
            "Slow dolly-in on a lighthouse at dusk, waves crashing, gulls calling, wind in the microphone",
            "https://images.example.com/lighthouse.jpg")
        .WithAspectRatio(AspectRatio.Landscape16x9)
        .WithResolution(Resolution.P720)
        .WithDuration(6);

    Console.WriteLine($"Request JSON: {request.ToJson()}");
    if (GrokImagineVideo15OfficialChannel.TryGetOutputSize(request.AspectRatio, request.Resolution, out var size))
    {
        Console.WriteLine($"Output size: {size}");
    }

    Console.WriteLine($"Estimated credits at $0.05/s (480p rate): {GrokImagineVideo15OfficialChannel.EstimateCredits(request, 0.05m)}");

    // 2. Validation uses the API's codes before anything is sent (and the analyzer flags constants at compile time).
    // A constant 20 would be a GRK001 build error; a value known only at run time is caught by Validate().
    var requestedSeconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
    var tooLong = request.WithDuration(requestedSeconds);
    foreach (var violation in tooLong.Validate())
    {
        Console.WriteLine($"Would be rejected: {violation.Code} {violation.Message} at {violation.Path}");
    }

    // The beta channel's contract gives a different API: prompt optional, Auto aspect ratio, nsfw_checker, no audio.
    var beta = new Beta.VideoGenerationRequest("https://images.example.com/lighthouse.jpg")
        .WithAspectRatio(Beta.AspectRatio.Auto)
        .WithDuration(2);
    Console.WriteLine($"Beta request JSON: {beta.ToJson()} (valid: {beta.Validate().Count == 0})");

    // 3. Submit to the request's channel (validated again, never retried: it bills), wait on the channel's schedule, download.
    using var client = new GrokContractsClient(options);
    var submitted = await client.SubmitAsync(request, cancel.Token);
    Console.WriteLine($"Submitted {submitted.Id} ({submitted.Status})");

    var progress = new ConsoleProgress();
    var completed = await client.WaitForCompletionAsync(submitted, progress: progress, cancellationToken: cancel.Token);
    var videoUrl = completed.Output?.VideoUrls.Count > 0 ? completed.Output.VideoUrls[0] : null;
    Console.WriteLine($"Task {completed.Id} is {completed.Status}: {videoUrl}");

    var file = Path.Combine(Path.GetTempPath(), completed.Id + ".mp4");
    await using (var stream = File.Create(file))
    {
        var bytes = await client.DownloadAsync(completed, stream, cancel.Token);
        Console.WriteLine($"Downloaded {bytes} bytes to {file}");
    }

    return 0;
}
catch (ContractValidationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (ReapiException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}

/// <summary>Prints each poll as it happens (<c>Progress&lt;T&gt;</c> would post asynchronously and reorder lines).</summary>
internal sealed class ConsoleProgress : IProgress<TaskProgress>
{
    public void Report(TaskProgress value) =>
        Console.WriteLine($"  poll {value.PollCount}: {value.Status} after {value.Elapsed.TotalSeconds:0.0} s");
}
