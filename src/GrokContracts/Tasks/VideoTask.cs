using System;
using System.Collections.Generic;
using System.Text.Json;

namespace GrokContracts;

/// <summary>
/// The task envelope that submit and poll share:
/// <c>{ id, model, status, created_at, output, error }</c>. Unknown statuses and fields are tolerated.
/// </summary>
public sealed class VideoTask
{
    /// <summary>Creates a task envelope.</summary>
    public VideoTask(
        string id,
        string? model,
        string status,
        DateTimeOffset? createdAt,
        VideoTaskOutput? output,
        VideoTaskError? error,
        IReadOnlyDictionary<string, JsonElement>? additionalFields = null)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Model = model;
        Status = status ?? string.Empty;
        StatusKind = ParseStatus(Status);
        CreatedAt = createdAt;
        Output = output;
        Error = error;
        AdditionalFields = additionalFields ?? EmptyFields;
    }

    private static readonly IReadOnlyDictionary<string, JsonElement> EmptyFields = new Dictionary<string, JsonElement>();

    /// <summary>The task identifier: keep it for polling and audit.</summary>
    public string Id { get; }

    /// <summary>Echo of the submitted model id (null if the server omitted it).</summary>
    public string? Model { get; }

    /// <summary>The wire status, as sent (<c>processing</c>, <c>completed</c>, <c>failed</c>, or something newer).</summary>
    public string Status { get; }

    /// <summary>The parsed status; <see cref="VideoTaskStatus.Unknown"/> for a value this version does not know.</summary>
    public VideoTaskStatus StatusKind { get; }

    /// <summary>True once the task is completed or failed.</summary>
    public bool IsTerminal => StatusKind is VideoTaskStatus.Completed or VideoTaskStatus.Failed;

    /// <summary>Submission time (from the unix timestamp <c>created_at</c>); null if absent or unreadable.</summary>
    public DateTimeOffset? CreatedAt { get; }

    /// <summary>The output; null until completion.</summary>
    public VideoTaskOutput? Output { get; }

    /// <summary>The error of a failed task; null otherwise.</summary>
    public VideoTaskError? Error { get; }

    /// <summary>Envelope fields this version does not know, by wire name (detached copies).</summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalFields { get; }

    /// <summary>Parses a wire status (case-insensitively); anything unknown is <see cref="VideoTaskStatus.Unknown"/>.</summary>
    public static VideoTaskStatus ParseStatus(string? status)
    {
        if (string.Equals(status, "processing", StringComparison.OrdinalIgnoreCase))
        {
            return VideoTaskStatus.Processing;
        }

        if (string.Equals(status, "completed", StringComparison.OrdinalIgnoreCase))
        {
            return VideoTaskStatus.Completed;
        }

        if (string.Equals(status, "failed", StringComparison.OrdinalIgnoreCase))
        {
            return VideoTaskStatus.Failed;
        }

        return VideoTaskStatus.Unknown;
    }

    /// <inheritdoc />
    public override string ToString() => "task " + Id + " (" + Status + ")";
}
