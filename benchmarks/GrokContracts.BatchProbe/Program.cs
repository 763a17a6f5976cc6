using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts;
using GrokContracts.Emulator;
using Beta = GrokContracts.GrokImagineVideo15Beta;
using Official = GrokContracts.GrokImagineVideo15Official;

// dotnet run -c Release --project benchmarks/GrokContracts.BatchProbe [-- --lines 1000 --concurrency 1,8,32
//     --lines-at-1 200 --completion-ms 200 --poll-ms 100 --journals sqlite,memory --work-dir /tmp/x]
//
// Issue 13's performance item: BatchRunner with a fresh SqliteBatchJournal (WAL, synchronous=FULL) against the
// emulator on 127.0.0.1 (port 0, a fresh one per run), N lines alternating the two shipped channels, once per
// concurrency. Per run: wall time, lines/s, submit→downloaded latency per line (from the progress events' Elapsed:
// first Submitting to Downloaded), where that latency goes (submit, wait, download), the journal's writes and size.
// "memory" runs the same batch with a journal that keeps entries in memory (no durability; for comparison only).
// Exit code 1 if a line is not downloaded, the emulator accepted other than N submits, or a *.part file is left.
var lines = Option("--lines", 1000);
var linesAt1 = Option("--lines-at-1", lines);
var concurrencies = ListOption("--concurrency", "1,8,32").Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
var journals = ListOption("--journals", "sqlite");
var completion = TimeSpan.FromMilliseconds(Option("--completion-ms", 200));
var poll = TimeSpan.FromMilliseconds(Option("--poll-ms", 100));
var workRoot = StringOption("--work-dir", null) ?? Path.Combine(Path.GetTempPath(), "grok-contracts-batch-probe", Guid.NewGuid().ToString("N"));

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {CpuModel()}, .NET {Environment.Version}; runner, journal and emulator in one process, loopback HTTP/1.1; work dir {workRoot} ({FileSystem(workRoot)})");
Console.WriteLine($"Load average before: {LoadAverage()}");
Console.WriteLine($"Emulator: task completes {completion.TotalMilliseconds:0} ms after its submit; client: polls every {poll.TotalMilliseconds:0} ms (PollingSchedule, one phase), so a line's floor is about {completion.TotalMilliseconds:0}-{(completion + poll).TotalMilliseconds:0} ms of waiting.");
Console.WriteLine($"Lines: {lines:N0}, alternating {Official.GrokImagineVideo15OfficialChannel.ModelId} (prompt + image) and {Beta.GrokImagineVideo15BetaChannel.ModelId} (image only), spec defaults otherwise" + (linesAt1 != lines ? $"; at concurrency 1 only {linesAt1:N0} lines (--lines-at-1), to keep the run short" : string.Empty) + ".");
Console.WriteLine();

// Warm-up: JIT (client, runner, SQLite, emulator), connection pool. Not reported.
await RunOnceAsync(Math.Min(40, lines), 8, "sqlite", report: false);

var results = new List<RunResult>();
foreach (var journalKind in journals)
{
    foreach (var concurrency in concurrencies)
    {
        results.Add(await RunOnceAsync(concurrency == 1 ? linesAt1 : lines, concurrency, journalKind, report: true));
    }
}

Console.WriteLine("| lines | concurrency | journal | wall time | lines/s | submit → downloaded p50 / p95 / max | journal size (db + wal at end → db after close) | invariants |");
Console.WriteLine("|---:|---:|---|---:|---:|---|---|---|");
foreach (var r in results)
{
    Console.WriteLine($"| {r.Lines:N0} | {r.Concurrency} | {r.Journal} | {r.Wall.TotalSeconds:0.0} s | {r.Lines / r.Wall.TotalSeconds:0.0} | {Ms(r.Latency, 50)} / {Ms(r.Latency, 95)} / {Ms(r.Latency, 100)} ms | {r.JournalSize} | {(r.Problems.Count == 0 ? "ok" : "**FAILED**")} |");
}

Console.WriteLine();
Console.WriteLine("Where a line's time goes (medians per line; journal writes are the runner's calls to IBatchJournal.Record, made outside the runner's lock; commits are SQLite transactions, several writes of concurrent lines in one; time in writes sums every call, so with concurrent calls it can pass the wall time):");
Console.WriteLine();
Console.WriteLine("| concurrency | journal | submit (Submitting → Submitted) | wait (Submitted → Completed) | download (Completed → Downloaded) | polls per line | journal writes | commits | write p50 / p95 / max | time in writes (share of wall) | load avg after |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---|---|---|");
foreach (var r in results)
{
    Console.WriteLine($"| {r.Concurrency} | {r.Journal} | {Ms(r.Submit, 50)} ms | {Ms(r.Wait, 50)} ms | {Ms(r.Download, 50)} ms | {r.Polls / (double)r.Lines:0.00} | {r.Writes.Length:N0} | {(r.Commits is { } commits ? commits.ToString("N0", CultureInfo.InvariantCulture) : "-")} | {Ms(r.Writes, 50, "0.00")} / {Ms(r.Writes, 95, "0.00")} / {Ms(r.Writes, 100, "0.0")} ms | {r.Writes.Sum() / 1000:0.0} s ({r.Writes.Sum() / r.Wall.TotalMilliseconds:P0}) | {r.LoadAfter} |");
}

var failed = results.SelectMany(r => r.Problems.Select(p => $"concurrency {r.Concurrency} ({r.Journal}): {p}")).ToList();
foreach (var problem in failed.Take(20))
{
    Console.WriteLine("  " + problem);
}

Console.WriteLine();
Console.WriteLine($"Load average after: {LoadAverage()}");
Console.WriteLine(failed.Count == 0 ? "OK: every line downloaded, one accepted submit per line, no *.part left." : "FAILED: see above.");
try
{
    Directory.Delete(workRoot, recursive: true);
}
catch (IOException)
{
}

return failed.Count == 0 ? 0 : 1;

async Task<RunResult> RunOnceAsync(int count, int concurrency, string journalKind, bool report)
{
    var outDir = Path.Combine(workRoot, $"{(report ? "run" : "warm-up")}-{journalKind}-c{concurrency}");
    Directory.CreateDirectory(outDir);
    await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { CompletionDelay = completion, ApiKey = "batch-probe-key" });
    using var client = new GrokContractsClient(new GrokContractsClientOptions
    {
        ApiKey = "batch-probe-key",
        BaseUrl = emulator.BaseUrl,
        PollingSchedule = new PollingSchedule([new PollingPhase(null, poll)], TimeSpan.FromMinutes(5)),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
    });

    var items = Enumerable.Range(1, count).Select(Item).ToList();
    var submitting = Filled(count);
    var submitted = Filled(count);
    var completedAt = Filled(count);
    var downloaded = Filled(count);
    var progress = new SyncProgress(e =>
    {
        // Called under the runner's lock, one at a time: keep it cheap.
        var i = e.Entry.Line - 1;
        var at = e.Elapsed.TotalMilliseconds;
        switch (e.Entry.State)
        {
            case BatchLineState.Submitting when double.IsNaN(submitting[i]):
                submitting[i] = at;
                break;
            case BatchLineState.Submitted:
                submitted[i] = at;
                break;
            case BatchLineState.Completed when e.Previous == BatchLineState.Submitted:
                completedAt[i] = at;
                break;
            case BatchLineState.Downloaded when e.Previous is not null:
                downloaded[i] = at;
                break;
        }
    });

    var journalPath = SqliteBatchJournal.DefaultPath(outDir);
    using var inner = journalKind switch
    {
        "sqlite" => (IBatchJournal)new SqliteBatchJournal(journalPath),
        "memory" => new MemoryJournal(),
        _ => throw new ArgumentException("--journals takes sqlite and/or memory, not " + journalKind),
    };
    using var journal = new TimedJournal(inner);
    var runner = new BatchRunner(client, journal, new BatchRunnerOptions { OutputDirectory = outDir, MaxConcurrency = concurrency, Progress = progress });
    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
    var clock = Stopwatch.StartNew();
    var result = await runner.RunAsync(items, timeout.Token);
    var wall = clock.Elapsed;
    var sizeAtEnd = FileSize(journalPath) + FileSize(journalPath + "-wal");
    var walAtEnd = FileSize(journalPath + "-wal");
    long? commits = inner is SqliteBatchJournal sqlite ? sqlite.Commits : null;
    journal.Dispose();
    var sizeAfterClose = FileSize(journalPath);

    var problems = new List<string>();
    if (result.Cancelled)
    {
        problems.Add("the run did not finish within 30 minutes");
    }

    foreach (var line in result.Lines.Where(l => l.State != BatchLineState.Downloaded || l.Path is null || FileSize(l.Path) != l.Size))
    {
        problems.Add($"line {line.Line} ({line.Key}) ended {line.State}: {line.Note}");
    }

    if (emulator.Tasks.Count != count || emulator.SubmitRequestCount != count)
    {
        problems.Add($"the emulator accepted {emulator.Tasks.Count} submits ({emulator.SubmitRequestCount} requests) for {count} lines");
    }

    var parts = Directory.GetFiles(outDir, "*.part");
    if (parts.Length > 0)
    {
        problems.Add($"{parts.Length} *.part files left, e.g. {parts[0]}");
    }

    var latency = Enumerable.Range(0, count).Select(i => downloaded[i] - submitting[i]).ToArray();
    if (latency.Any(double.IsNaN))
    {
        problems.Add($"{latency.Count(double.IsNaN)} lines without both a Submitting and a Downloaded event");
    }

    var run = new RunResult(
        count,
        concurrency,
        journalKind == "sqlite" ? "SQLite (FULL)" : "in memory",
        wall,
        latency.Where(v => !double.IsNaN(v)).ToArray(),
        Enumerable.Range(0, count).Select(i => submitted[i] - submitting[i]).Where(v => !double.IsNaN(v)).ToArray(),
        Enumerable.Range(0, count).Select(i => completedAt[i] - submitted[i]).Where(v => !double.IsNaN(v)).ToArray(),
        Enumerable.Range(0, count).Select(i => downloaded[i] - completedAt[i]).Where(v => !double.IsNaN(v)).ToArray(),
        journal.Durations(),
        commits,
        emulator.PollRequestCount,
        journalKind == "sqlite" ? $"{sizeAtEnd / 1024.0:0} KiB (wal {walAtEnd / 1024.0:0} KiB) → {sizeAfterClose / 1024.0:0} KiB" : "-",
        LoadAverage(),
        problems);
    if (report)
    {
        var bytes = result.Lines.Sum(l => l.Size ?? 0);
        Console.Error.WriteLine($"[c={concurrency} {journalKind}] {count} lines in {wall.TotalSeconds:0.0} s; {bytes / 1024.0 / 1024.0:0.0} MiB of video ({bytes / Math.Max(1, count) / 1024.0:0} KiB a line); load {run.LoadAfter}");
    }

    return run;
}

static BatchItem Item(int line)
{
    var key = "L" + line.ToString("D5", CultureInfo.InvariantCulture);
    IContractRequest request = line % 2 == 1
        ? new Official.VideoGenerationRequest("A lighthouse, take " + line, "https://images.example.com/" + line + ".jpg")
        : new Beta.VideoGenerationRequest("https://images.example.com/" + line + ".jpg");
    return new BatchItem(key, line, request);
}

static double[] Filled(int count) => Enumerable.Repeat(double.NaN, count).ToArray();

static string Ms(double[] values, int percentile, string format = "0")
{
    if (values.Length == 0)
    {
        return "-";
    }

    var sorted = values.Order().ToArray();
    var value = sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    return value.ToString(format, CultureInfo.InvariantCulture);
}

static long FileSize(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

int Option(string name, int fallback) => StringOption(name, null) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string[] ListOption(string name, string fallback) => StringOption(name, fallback)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

static string? StringOption(string name, string? fallback)
{
    var args = Environment.GetCommandLineArgs();
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

static string LoadAverage()
{
    try
    {
        return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
    }
    catch (IOException)
    {
        return "unknown";
    }
}

static string FileSystem(string path)
{
    try
    {
        Directory.CreateDirectory(path);
        var full = Path.GetFullPath(path);
        var mount = File.ReadLines("/proc/mounts").Select(l => l.Split(' ')).Where(f => f.Length > 2 && full.StartsWith(f[1], StringComparison.Ordinal))
            .OrderByDescending(f => f[1].Length).FirstOrDefault();
        return mount is null ? "unknown file system" : mount[2] + " on " + mount[1];
    }
    catch (IOException)
    {
        return "unknown file system";
    }
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

internal sealed record RunResult(
    int Lines,
    int Concurrency,
    string Journal,
    TimeSpan Wall,
    double[] Latency,
    double[] Submit,
    double[] Wait,
    double[] Download,
    double[] Writes,
    long? Commits,
    int Polls,
    string JournalSize,
    string LoadAfter,
    List<string> Problems);

/// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder events).</summary>
internal sealed class SyncProgress(Action<BatchEvent> report) : IProgress<BatchEvent>
{
    public void Report(BatchEvent value) => report(value);
}

/// <summary>Times every <see cref="IBatchJournal.Record"/> of the journal it wraps.</summary>
internal sealed class TimedJournal(IBatchJournal inner) : IBatchJournal
{
    private readonly List<double> _durations = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    public IReadOnlyList<BatchJournalEntry> Open(IReadOnlyList<BatchItem> items) => inner.Open(items);

    public void Record(BatchJournalEntry entry)
    {
        var start = Stopwatch.GetTimestamp();
        inner.Record(entry);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        lock (_gate)
        {
            _durations.Add(ms);
        }
    }

    public double[] Durations()
    {
        lock (_gate)
        {
            return [.. _durations];
        }
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            inner.Dispose();
        }
    }
}

/// <summary>Entries in memory: no durability at all. Only to show what the SQLite journal costs.</summary>
internal sealed class MemoryJournal : IBatchJournal
{
    private readonly Dictionary<string, BatchJournalEntry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IReadOnlyList<BatchJournalEntry> Open(IReadOnlyList<BatchItem> items)
    {
        lock (_gate)
        {
            return items.Select(i => _entries[i.Key] = BatchJournalEntry.Validated(i)).ToList();
        }
    }

    public void Record(BatchJournalEntry entry)
    {
        lock (_gate)
        {
            _entries[entry.Key] = entry;
        }
    }

    public void Dispose()
    {
    }
}
