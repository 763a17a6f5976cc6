using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using Microsoft.Data.Sqlite;

namespace GrokContracts;

/// <summary>
/// The batch journal as an embedded SQLite database (WAL, synchronous FULL): one row per line with its last state,
/// and every transition appended to a history table. The run holds it exclusively: a second run on the same journal
/// is refused with <see cref="BatchJournalProblem.Locked"/>; the lock dies with the process that held it.
/// </summary>
public sealed class SqliteBatchJournal : IBatchJournal
{
    /// <summary>The journal's file name in the output directory when none is given.</summary>
    public const string DefaultFileName = ".batch.db";

    private const string Format = "grok-contracts-batch";
    private const string Version = "1";
    private readonly object _gate = new();
    private readonly SqliteConnection _connection;
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly object _queueGate = new();
    private List<PendingRecord> _queue = new();
    private bool _committing;
    private long _recordCommits;
    private bool _disposed;

    /// <summary>Opens (creating if needed) and locks the journal at <paramref name="path"/>.</summary>
    /// <exception cref="BatchJournalException">The file is not a batch journal, is damaged, or another run holds it.</exception>
    public SqliteBatchJournal(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("A journal path is required.", nameof(path));
        }

        JournalPath = System.IO.Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = JournalPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // Closing must release the lock now, not when a pool lets the connection go.
            DefaultTimeout = 1,
        };
        _connection = new SqliteConnection(builder.ToString());
        try
        {
            _connection.Open();

            // Exclusive locking: the first read takes the lock and keeps it until the connection closes (or the process dies).
            Execute("PRAGMA locking_mode=EXCLUSIVE;");
            var mode = Scalar("PRAGMA journal_mode=WAL;");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new BatchJournalException(BatchJournalProblem.Unwritable, JournalPath, "The batch journal " + JournalPath + " cannot use write-ahead logging (journal mode '" + mode + "').");
            }

            Execute("PRAGMA synchronous=FULL;");
            var check = Scalar("PRAGMA quick_check;");
            if (!string.Equals(check, "ok", StringComparison.Ordinal))
            {
                throw Corrupt("integrity check says: " + check, null);
            }

            EnsureSchema();
        }
        catch (SqliteException ex)
        {
            _connection.Dispose();
            throw Translate(ex);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>The journal's full path.</summary>
    public string JournalPath { get; }

    /// <summary>The default journal of an output directory: <c>&lt;out-dir&gt;/.batch.db</c>.</summary>
    public static string DefaultPath(string outputDirectory) => System.IO.Path.Combine(outputDirectory, DefaultFileName);

    /// <inheritdoc />
    public IReadOnlyList<BatchJournalEntry> Open(IReadOnlyList<BatchItem> items)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        lock (_gate)
        {
            ThrowIfDisposed();
            try
            {
                var existing = ReadAll();
                var byKey = new Dictionary<string, BatchItem>(StringComparer.Ordinal);
                foreach (var item in items)
                {
                    byKey[item.Key] = item;
                }

                foreach (var entry in existing.Values)
                {
                    if (!byKey.TryGetValue(entry.Key, out var item))
                    {
                        throw new BatchJournalException(BatchJournalProblem.DifferentInput, JournalPath, "The batch journal " + JournalPath + " was written for another input: it holds line " + entry.Line.ToString(CultureInfo.InvariantCulture) + " (" + entry.Key + "), which this input lacks or no longer accepts. Use another --journal (or --out-dir) for another input.");
                    }

                    if (!string.Equals(item.BodySha256, entry.BodySha256, StringComparison.Ordinal))
                    {
                        throw new BatchJournalException(BatchJournalProblem.DifferentInput, JournalPath, "The batch journal " + JournalPath + " was written for another input: line " + item.Line.ToString(CultureInfo.InvariantCulture) + " (" + item.Key + ") differs from the one journaled" + (entry.TaskId is null ? string.Empty : " as task " + entry.TaskId) + ". Use another --journal (or --out-dir) for another input.");
                    }
                }

                var result = new List<BatchJournalEntry>(items.Count);
                using var transaction = _connection.BeginTransaction();
                foreach (var item in items)
                {
                    if (existing.TryGetValue(item.Key, out var entry))
                    {
                        if (entry.Line != item.Line)
                        {
                            entry = entry with { Line = item.Line };
                            Write(entry, transaction, "line number now " + item.Line.ToString(CultureInfo.InvariantCulture));
                        }
                    }
                    else
                    {
                        entry = BatchJournalEntry.Validated(item);
                        Insert(entry, transaction);
                    }

                    _keys.Add(item.Key);
                    result.Add(entry);
                }

                transaction.Commit();
                return result;
            }
            catch (SqliteException ex)
            {
                throw Translate(ex);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Group commit: calls that arrive while a transaction is being committed wait, and the next of them commits all
    /// that queued up meanwhile in one transaction (one fsync for many lines). Each call still returns only once its own
    /// transition is durable, and a failed commit fails every call in it.
    /// </remarks>
    public void Record(BatchJournalEntry entry)
    {
        if (entry is null)
        {
            throw new ArgumentNullException(nameof(entry));
        }

        if (!_keys.Contains(entry.Key)) // written by Open only, before any Record
        {
            throw new ArgumentException("The journal does not hold a line with key '" + entry.Key + "'.", nameof(entry));
        }

        var pending = new PendingRecord(entry);
        var leads = false;
        lock (_queueGate)
        {
            _queue.Add(pending);
            while (_committing && !pending.Done)
            {
                Monitor.Wait(_queueGate);
            }

            if (!pending.Done)
            {
                _committing = true;
                leads = true;
            }
        }

        if (leads)
        {
            CommitQueued();
        }

        switch (pending.Error)
        {
            case null:
                return;
            case BatchJournalException error when leads:
                throw error;
            case BatchJournalException error:
                throw new BatchJournalException(error.Problem, error.JournalPath, error.Message, error);
            default:
                throw new ObjectDisposedException(nameof(SqliteBatchJournal), pending.Error);
        }
    }

    /// <summary>
    /// How many transactions <see cref="Record"/> has committed since the journal was opened: fewer than its calls when
    /// concurrent lines shared a commit (one fsync each, with <c>synchronous=FULL</c>).
    /// </summary>
    public long Commits => Interlocked.Read(ref _recordCommits);

    /// <summary>Test hook: runs inside a group commit, before its transaction begins, with the number of records in it.</summary>
    internal Action<int>? BeforeCommit { get; set; }

    /// <summary>How many records wait for the next group commit (for tests).</summary>
    internal int Queued
    {
        get
        {
            lock (_queueGate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Commits everything queued (the leader's own record included) in one transaction, then hands over.</summary>
    private void CommitQueued()
    {
        List<PendingRecord> batch;
        lock (_queueGate)
        {
            batch = _queue;
            _queue = new List<PendingRecord>();
        }

        Exception? error = null;
        var committed = false;
        try
        {
            lock (_gate)
            {
                try
                {
                    ThrowIfDisposed();
                    BeforeCommit?.Invoke(batch.Count);
                    using var transaction = _connection.BeginTransaction();
                    foreach (var record in batch)
                    {
                        Write(record.Entry, transaction, record.Entry.Note);
                    }

                    transaction.Commit();
                    committed = true;
                    Interlocked.Increment(ref _recordCommits);
                }
                catch (SqliteException ex)
                {
                    error = Translate(ex);
                }
                catch (ObjectDisposedException ex)
                {
                    error = ex;
                }
            }
        }
        finally
        {
            // Whatever happened, every record of the group learns it, and the next group may start: an unexpected
            // exception propagates from this (the leader's) call, and the others are told the journal failed.
            error ??= committed ? null : new BatchJournalException(BatchJournalProblem.Unwritable, JournalPath, "The batch journal " + JournalPath + " could not record a transition.");
            lock (_queueGate)
            {
                foreach (var record in batch)
                {
                    record.Done = true;
                    record.Error = error;
                }

                // Records queued during this commit are someone else's: the first of them to wake leads the next group.
                _committing = false;
                Monitor.PulseAll(_queueGate);
            }
        }
    }

    /// <summary>Every state the line with <paramref name="key"/> went through, oldest first (for reports and tests).</summary>
    public IReadOnlyList<BatchLineState> History(string key)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT state FROM transitions WHERE key = $key ORDER BY seq;";
            command.Parameters.AddWithValue("$key", key);
            var states = new List<BatchLineState>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                states.Add(ParseState(reader.GetString(0)));
            }

            return states;
        }
    }

    /// <summary>Closes the journal and releases its lock.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _connection.Dispose();
        }
    }

    private static BatchLineState ParseState(string text) =>
        Enum.TryParse<BatchLineState>(text, ignoreCase: false, out var state) && state.ToString() == text
            ? state
            : throw new FormatException("unknown state '" + text + "'");

    private void EnsureSchema()
    {
        var tables = Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table';");
        if (tables == "0")
        {
            using var transaction = _connection.BeginTransaction();
            Execute(
                """
                CREATE TABLE journal_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE lines (
                    key TEXT PRIMARY KEY, line INTEGER NOT NULL, model TEXT NOT NULL, body_sha256 TEXT NOT NULL,
                    state TEXT NOT NULL, task_id TEXT, video_url TEXT, error_code INTEGER, error_message TEXT,
                    path TEXT, size INTEGER, sha256 TEXT, credits INTEGER, submit_attempts INTEGER NOT NULL,
                    note TEXT, updated_at TEXT NOT NULL);
                CREATE TABLE transitions (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, state TEXT NOT NULL, task_id TEXT,
                    note TEXT, at TEXT NOT NULL);
                """,
                transaction);
            Execute("INSERT INTO journal_meta (name, value) VALUES ('format', '" + Format + "'), ('version', '" + Version + "');", transaction);
            transaction.Commit();
            return;
        }

        string? format = null;
        string? version = null;
        try
        {
            format = Scalar("SELECT value FROM journal_meta WHERE name = 'format';");
            version = Scalar("SELECT value FROM journal_meta WHERE name = 'version';");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            // SQLITE_ERROR: no journal_meta table, so another application's database.
        }

        if (format != Format)
        {
            throw Corrupt("it is an SQLite database of something else", null);
        }

        if (version != Version)
        {
            throw Corrupt("it is journal format version " + version + "; this version reads " + Version, null);
        }
    }

    private Dictionary<string, BatchJournalEntry> ReadAll()
    {
        var entries = new Dictionary<string, BatchJournalEntry>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key, line, model, body_sha256, state, task_id, video_url, error_code, error_message, path, size, sha256, credits, submit_attempts, note FROM lines;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            BatchLineState state;
            try
            {
                state = ParseState(reader.GetString(4));
            }
            catch (FormatException ex)
            {
                throw Corrupt("line " + reader.GetString(0) + " has " + ex.Message, ex);
            }

            var entry = new BatchJournalEntry
            {
                Key = reader.GetString(0),
                Line = reader.GetInt32(1),
                Model = reader.GetString(2),
                BodySha256 = reader.GetString(3),
                State = state,
                TaskId = reader.IsDBNull(5) ? null : reader.GetString(5),
                VideoUrl = reader.IsDBNull(6) ? null : reader.GetString(6),
                ErrorCode = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                ErrorMessage = reader.IsDBNull(8) ? null : reader.GetString(8),
                Path = reader.IsDBNull(9) ? null : reader.GetString(9),
                Size = reader.IsDBNull(10) ? null : reader.GetInt64(10),
                Sha256 = reader.IsDBNull(11) ? null : reader.GetString(11),
                Credits = reader.IsDBNull(12) ? null : reader.GetInt64(12),
                SubmitAttempts = reader.GetInt32(13),
                Note = reader.IsDBNull(14) ? null : reader.GetString(14),
            };
            entries[entry.Key] = entry;
        }

        return entries;
    }

    private void Insert(BatchJournalEntry entry, SqliteTransaction transaction)
    {
        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO lines (key, line, model, body_sha256, state, submit_attempts, updated_at) VALUES ($key, 0, '', '', '', 0, '');";
            command.Parameters.AddWithValue("$key", entry.Key);
            command.ExecuteNonQuery();
        }

        Write(entry, transaction, entry.Note);
    }

    private void Write(BatchJournalEntry entry, SqliteTransaction transaction, string? note)
    {
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText =
                """
                UPDATE lines SET line = $line, model = $model, body_sha256 = $body, state = $state, task_id = $task,
                    video_url = $url, error_code = $code, error_message = $message, path = $path, size = $size,
                    sha256 = $sha, credits = $credits, submit_attempts = $attempts, note = $note, updated_at = $at
                WHERE key = $key;
                """;
            var p = command.Parameters;
            p.AddWithValue("$key", entry.Key);
            p.AddWithValue("$line", entry.Line);
            p.AddWithValue("$model", entry.Model);
            p.AddWithValue("$body", entry.BodySha256);
            p.AddWithValue("$state", entry.State.ToString());
            p.AddWithValue("$task", (object?)entry.TaskId ?? DBNull.Value);
            p.AddWithValue("$url", (object?)entry.VideoUrl ?? DBNull.Value);
            p.AddWithValue("$code", (object?)entry.ErrorCode ?? DBNull.Value);
            p.AddWithValue("$message", (object?)entry.ErrorMessage ?? DBNull.Value);
            p.AddWithValue("$path", (object?)entry.Path ?? DBNull.Value);
            p.AddWithValue("$size", (object?)entry.Size ?? DBNull.Value);
            p.AddWithValue("$sha", (object?)entry.Sha256 ?? DBNull.Value);
            p.AddWithValue("$credits", (object?)entry.Credits ?? DBNull.Value);
            p.AddWithValue("$attempts", entry.SubmitAttempts);
            p.AddWithValue("$note", (object?)entry.Note ?? DBNull.Value);
            p.AddWithValue("$at", now);
            command.ExecuteNonQuery();
        }

        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO transitions (key, state, task_id, note, at) VALUES ($key, $state, $task, $note, $at);";
            command.Parameters.AddWithValue("$key", entry.Key);
            command.Parameters.AddWithValue("$state", entry.State.ToString());
            command.Parameters.AddWithValue("$task", (object?)entry.TaskId ?? DBNull.Value);
            command.Parameters.AddWithValue("$note", (object?)note ?? DBNull.Value);
            command.Parameters.AddWithValue("$at", now);
            command.ExecuteNonQuery();
        }
    }

    private void Execute(string sql, SqliteTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private string? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private BatchJournalException Translate(SqliteException ex) => ex.SqliteErrorCode switch
    {
        // SQLITE_BUSY, SQLITE_LOCKED
        5 or 6 => new BatchJournalException(BatchJournalProblem.Locked, JournalPath, "The batch journal " + JournalPath + " is locked by another run; wait for it to finish (two runs on one journal could submit a line twice).", ex),

        // SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_FORMAT
        11 or 26 or 24 => Corrupt(ex.Message, ex),

        // SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_FULL, SQLITE_IOERR, SQLITE_PERM
        _ => new BatchJournalException(BatchJournalProblem.Unwritable, JournalPath, "The batch journal " + JournalPath + " cannot be used: " + ex.Message, ex),
    };

    private BatchJournalException Corrupt(string why, Exception? inner) =>
        new(BatchJournalProblem.Corrupt, JournalPath, "The batch journal " + JournalPath + " is not a readable batch journal (" + why.TrimEnd('.') + "). It is left as is: move it away only after checking your recent tasks, or a rerun may submit lines again.", inner);

    private void ThrowIfDisposed()
    {
#if NET8_0_OR_GREATER
        ObjectDisposedException.ThrowIf(_disposed, this);
#else
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(SqliteBatchJournal));
        }
#endif
    }

    /// <summary>A record waiting for (or done with) its group commit; read and written under the queue's lock.</summary>
    private sealed class PendingRecord
    {
        public PendingRecord(BatchJournalEntry entry) => Entry = entry;

        public BatchJournalEntry Entry { get; }

        public bool Done { get; set; }

        public Exception? Error { get; set; }
    }
}
