using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GrokContracts;

/// <summary>
/// Runs many requests (a batch, possibly across channels) to downloaded videos with bounded concurrency, journaling
/// every line's state before and after each side effect, so that a run stopped anywhere (crash, kill, Ctrl+C) resumes
/// without paying twice: downloaded lines are skipped, submitted ones polled, completed ones downloaded, and only lines
/// never sent are submitted.
/// </summary>
/// <remarks>
/// <para>
/// A submit the API did not accept (429, 401, 402, a 5xx with the API's own error envelope, a refused connection) is not
/// billed: a 429 is retried after its <c>Retry-After</c> (every submit of the run pauses), 401 and 402 stop the run's
/// submits with <see cref="BatchResult.StopReason"/>, and a 400 fails the line. A submit whose outcome is unknown (the
/// connection broke after the request left, or the run died while it was in flight) may have created and billed a
/// task: the line becomes <see cref="BatchLineState.Unknown"/> and is sent again only with
/// <see cref="BatchRunnerOptions.ResubmitUnknown"/>.
/// </para>
/// <para>
/// Cancelling <see cref="RunAsync"/> stops starting lines and stops waiting, but lets submits already in flight finish,
/// so that their task ids are journaled rather than lost.
/// </para>
/// </remarks>
public sealed class BatchRunner
{
    private readonly IGrokContractsClient _client;
    private readonly IBatchJournal _journal;
    private readonly BatchRunnerOptions _options;

    /// <summary>Creates a runner.</summary>
    /// <param name="client">The client that submits, polls and downloads.</param>
    /// <param name="journal">Where the lines' states are recorded (e.g. a <see cref="SqliteBatchJournal"/>).</param>
    /// <param name="options">The settings; default: <see cref="BatchRunnerOptions"/>'s defaults.</param>
    public BatchRunner(IGrokContractsClient client, IBatchJournal journal, BatchRunnerOptions? options = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        _options = options ?? new BatchRunnerOptions();
    }

    /// <summary>Runs the batch until every line is downloaded, failed, unknown, or the run stops or is cancelled.</summary>
    /// <param name="items">The lines; keys must be unique and so must the file names they give.</param>
    /// <param name="cancellationToken">Stops the run (submits in flight still finish and are journaled).</param>
    /// <returns>Every line's last journal entry; a cancelled run returns normally with <see cref="BatchResult.Cancelled"/>.</returns>
    /// <exception cref="ArgumentException">Duplicate keys or file names, or invalid options.</exception>
    /// <exception cref="BatchJournalException">The journal cannot be used (corrupt, locked, another input, unwritable).</exception>
    public Task<BatchResult> RunAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        if (_options.MaxConcurrency is < 1 or > 256)
        {
            throw new ArgumentException("MaxConcurrency must be 1-256.", nameof(items));
        }

        if (_options.MaxSubmitAttempts < 1)
        {
            throw new ArgumentException("MaxSubmitAttempts must be at least 1.", nameof(items));
        }

        if (string.IsNullOrEmpty(_options.OutputDirectory))
        {
            throw new ArgumentException("An output directory is required.", nameof(items));
        }

        var outputDirectory = Path.GetFullPath(_options.OutputDirectory);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var files = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var paths = new string[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? throw new ArgumentException("An item is null.", nameof(items));
            if (!keys.Add(item.Key))
            {
                throw new ArgumentException("Two items have the key '" + item.Key + "'.", nameof(items));
            }

            var name = _options.FileName?.Invoke(item) ?? DefaultFileName(item.Key);
            if (string.IsNullOrEmpty(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name is "." or "..")
            {
                throw new ArgumentException("'" + name + "' is not a file name (item " + item.Key + ").", nameof(items));
            }

            if (!files.Add(name))
            {
                throw new ArgumentException("Two items would write '" + name + "'.", nameof(items));
            }

            paths[i] = Path.Combine(outputDirectory, name);
        }

        Directory.CreateDirectory(outputDirectory);
        return new BatchRun(_client, _journal, _options, items, paths).ExecuteAsync(cancellationToken);
    }

    /// <summary>The default file name of a key: characters unsafe in file names become <c>_</c>, then <c>.mp4</c>.</summary>
    public static string DefaultFileName(string key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        var invalid = Path.GetInvalidFileNameChars();
        var chars = key.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (Array.IndexOf(invalid, chars[i]) >= 0 || chars[i] is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(chars[i]))
            {
                chars[i] = '_';
            }
        }

        var name = new string(chars);
        return (name is "." or ".." ? "_" : name) + ".mp4";
    }
}
