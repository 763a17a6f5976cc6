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
    /// <summary>Creates a task envelope of a channel.</summary>
    /// <param name="channel">The channel the task runs on: its status words give <see cref="StatusKind"/>.</param>
    /// <param name="id">The task id.</param>
    /// <param name="model">The model id the server echoed, or null.</param>
    /// <param name="status">The wire status.</param>
    /// <param name="createdAt">Submission time, or null.</param>
    /// <param name="output">The output, or null.</param>
    /// <param name="error">The error of a failed task, or null.</param>
    /// <param name="additionalFields">Envelope fields this version does not know.</param>
    public VideoTask(
        ChannelDescriptor channel,
        string id,
        string? model,
        string status,
        DateTimeOffset? createdAt,
        VideoTaskOutput? output,
        VideoTaskError? error,
        IReadOnlyDictionary<string, JsonElement>? additionalFields = null)
    {
        Channel = channel ?? throw new ArgumentNullException(nameof(channel));
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Model = model;
        Status = status ?? string.Empty;
        StatusKind = channel.ParseStatus(Status);
        CreatedAt = createdAt;
        Output = output;
        Error = error;
        AdditionalFields = additionalFields ?? EmptyFields;
    }

    private static readonly IReadOnlyDictionary<string, JsonElement> EmptyFields = new Dictionary<string, JsonElement>();

    /// <summary>The channel the task runs on: where it is polled and what its status words mean.</summary>
    public ChannelDescriptor Channel { get; }

    /// <summary>The task identifier: keep it for polling and audit.</summary>
    public string Id { get; }

    /// <summary>Echo of the submitted model id (null if the server omitted it).</summary>
    public string? Model { get; }

    /// <summary>The wire status, as sent: one of the channel's status words, or something newer.</summary>
    public string Status { get; }

    /// <summary>What the status means on the channel; <see cref="VideoTaskStatus.Unknown"/> for a word its spec does not list.</summary>
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

    /// <summary>
    /// Whether <paramref name="id"/> can be a task id: 1-128 characters of <c>A-Z a-z 0-9 _ -</c>. The client refuses
    /// any other id before sending anything, since it goes into a URL path.
    /// </summary>
    public static bool IsValidId(string? id) => Internal.TaskIds.IsValid(id);

    /// <inheritdoc />
    public override string ToString() => "task " + Id + " (" + Status + ")";
}
