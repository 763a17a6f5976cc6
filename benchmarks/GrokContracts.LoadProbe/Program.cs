using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts;
using GrokContracts.Emulator;
using GrokContracts.GrokImagineVideo15Official;

// dotnet run -c Release --project benchmarks/GrokContracts.LoadProbe [-- --tasks 1000 --faults 250 --completion-ms 1000]
//
// The emulator on 127.0.0.1 (port 0) and the real client: N tasks submitted at once, each polled to completion
// while 429s (Retry-After: 0) and 503s are injected into polls. Exit code 1 if a task is lost, duplicated or not
// completed, or a fault was not served. Prints a markdown table.
var tasks = Option("--tasks", 1000);
var faultsPerKind = Option("--faults", tasks / 4);
var completion = TimeSpan.FromMilliseconds(Option("--completion-ms", 1000));

await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = completion, ApiKey = "load-probe-key" });
var options = new GrokContractsClientOptions
{
    ApiKey = "load-probe-key",
    BaseUrl = emulator.BaseUrl,
    PollingSchedule = new PollingSchedule([new PollingPhase(null, TimeSpan.FromMilliseconds(100))], TimeSpan.FromMinutes(5)),
    MaxPollRetries = 10,
    RetryBaseDelay = TimeSpan.FromMilliseconds(20),
};
using var client = new GrokContractsClient(options);
emulator.Faults.FailNextPolls(faultsPerKind, 429, "0");
emulator.Faults.FailNextPolls(faultsPerKind, 503);

// Warm-up: JIT, connection pool.
var warm = await client.SubmitAsync(new VideoGenerationRequest("warm-up", "https://images.example.com/warm.jpg"));
var submitLatencies = new double[tasks];
var endToEnd = new double[tasks];
var completed = new ConcurrentDictionary<string, VideoTask>(StringComparer.Ordinal);
var failures = new ConcurrentBag<string>();
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
var pollsBefore = emulator.PollRequestCount;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, tasks).Select(async i =>
{
    try
    {
        var start = clock.Elapsed;
        var submitted = await client.SubmitAsync(new VideoGenerationRequest("A lighthouse #" + i, "https://images.example.com/" + i + ".jpg"), timeout.Token);
        submitLatencies[i] = (clock.Elapsed - start).TotalMilliseconds;
        var done = await client.WaitForCompletionAsync(submitted, cancellationToken: timeout.Token);
        endToEnd[i] = (clock.Elapsed - start).TotalMilliseconds;
        if (done.StatusKind != VideoTaskStatus.Completed)
        {
            failures.Add(done.Id + " ended " + done.Status);
        }
        else if (!completed.TryAdd(done.Id, done))
        {
            failures.Add(done.Id + " completed twice");
        }
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        failures.Add("#" + i + ": " + e.GetType().Name + ": " + e.Message);
    }
}));
var elapsed = clock.Elapsed;

var emulated = emulator.Tasks.Select(t => t.Id).Where(id => id != warm.Id).ToHashSet(StringComparer.Ordinal);
var lost = emulated.Count(id => !completed.ContainsKey(id));
var ok = failures.IsEmpty && completed.Count == tasks && lost == 0 && emulated.Count == tasks && emulator.Faults.PendingPolls == 0;

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {CpuModel()}, .NET {Environment.Version}; client and emulator in one process, loopback HTTP/1.1");
Console.WriteLine();
Console.WriteLine("| tasks | task time (emulator) | poll faults injected (429 / 503) | faults served | polls | wall time | throughput | submit p50 / p99 | submit → completed p50 / p99 | lost | duplicated / failed |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
Console.WriteLine($"| {tasks:N0} | {completion.TotalMilliseconds:0} ms | {faultsPerKind} / {faultsPerKind} | {emulator.Faults.ServedPolls} | {emulator.PollRequestCount - pollsBefore:N0} | {elapsed.TotalSeconds:0.00} s | {tasks / elapsed.TotalSeconds:0} tasks/s | {Percentile(submitLatencies, 50):0} / {Percentile(submitLatencies, 99):0} ms | {Percentile(endToEnd, 50):0} / {Percentile(endToEnd, 99):0} ms | {lost} | {failures.Count} |");
foreach (var failure in failures.Take(10))
{
    Console.WriteLine("  " + failure);
}

Console.WriteLine(ok ? "\nOK: every task completed exactly once." : "\nFAILED: see above.");
return ok ? 0 : 1;

int Option(string name, int fallback)
{
    var args = Environment.GetCommandLineArgs();
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static double Percentile(double[] values, int percentile)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];
}

static string CpuModel()
{
    try
    {
        return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    }
    catch (IOException)
    {
        return "unknown CPU";
    }
}
