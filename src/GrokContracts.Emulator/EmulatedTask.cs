using System;
using GrokContracts.Spec;

namespace GrokContracts.Emulator;

/// <summary>
/// A task the emulator holds. Its status follows from the clock and its spec's <c>task.statuses</c>: the pending
/// word(s) until due — several in spec order, each for an equal share of the delay — then the succeeded or failed word.
/// </summary>
public sealed class EmulatedTask
{
    private readonly EmulatedChannel _channel;

    internal EmulatedTask(string id, EmulatedChannel channel, DateTimeOffset createdAt, DateTimeOffset dueAt, bool willFail, string requestBody, EmulatedVideo video)
    {
        Id = id;
        _channel = channel;
        CreatedAt = createdAt;
        DueAt = dueAt;
        WillFail = willFail;
        RequestBody = requestBody;
        Video = video;
    }

    /// <summary>The task id (<c>task_</c> + 32 hex digits).</summary>
    public string Id { get; }

    /// <summary>The model it was submitted for.</summary>
    public string Model => _channel.ModelId;

    /// <summary>When it was submitted (by the emulator's clock).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When it completes or fails.</summary>
    public DateTimeOffset DueAt { get; }

    /// <summary>True when it will fail instead of completing.</summary>
    public bool WillFail { get; }

    /// <summary>The submitted JSON body, as received.</summary>
    public string RequestBody { get; }

    /// <summary>The MP4 it delivers once succeeded: the size, length and audio the request asked for (see <see cref="EmulatedVideo"/>).</summary>
    public EmulatedVideo Video { get; }

    internal EmulatedChannel Channel => _channel;

    /// <summary>What the task's status means at <paramref name="now"/>.</summary>
    public TaskOutcome OutcomeAt(DateTimeOffset now) => now < DueAt ? TaskOutcome.Pending : WillFail ? TaskOutcome.Failed : TaskOutcome.Succeeded;

    /// <summary>The wire status at <paramref name="now"/>, in its spec's words.</summary>
    public string StatusAt(DateTimeOffset now) => _channel.WordFor(OutcomeAt(now), now - CreatedAt, DueAt - CreatedAt);
}
