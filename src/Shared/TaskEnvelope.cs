namespace GrokContracts.Internal;

/// <summary>
/// Field names of the task object an API answers a submit or a poll with: the reference's envelope
/// (<c>{"id", "model", "status", "created_at", "output", "error"}</c>), which every channel's answers share. A spec
/// declares the words <see cref="Status"/> takes (<c>task.statuses</c>), not the envelope. One place for the client that
/// reads it, the emulator that writes it and the rule engine that tells a task from a request; compiled into each of
/// them from <c>src/Shared</c>.
/// </summary>
internal static class TaskEnvelope
{
    /// <summary>The task id.</summary>
    public const string Id = "id";

    /// <summary>The task's status word (one of the spec's <c>task.statuses</c>).</summary>
    public const string Status = "status";
}
