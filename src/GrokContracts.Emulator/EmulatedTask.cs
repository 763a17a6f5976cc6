using System;

namespace GrokContracts.Emulator;

/// <summary>A task the emulator holds. Its status follows from the clock: <c>processing</c> until due.</summary>
public sealed class EmulatedTask
{
    internal EmulatedTask(string id, string model, DateTimeOffset createdAt, DateTimeOffset dueAt, bool willFail, string requestBody)
    {
        Id = id;
        Model = model;
        CreatedAt = createdAt;
        DueAt = dueAt;
        WillFail = willFail;
        RequestBody = requestBody;
    }

    /// <summary>The task id (<c>task_</c> + 32 hex digits).</summary>
    public string Id { get; }

    /// <summary>The model it was submitted for.</summary>
    public string Model { get; }

    /// <summary>When it was submitted (by the emulator's clock).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When it completes or fails.</summary>
    public DateTimeOffset DueAt { get; }

    /// <summary>True when it will fail instead of completing.</summary>
    public bool WillFail { get; }

    /// <summary>The submitted JSON body, as received.</summary>
    public string RequestBody { get; }

    /// <summary>The wire status at <paramref name="now"/>.</summary>
    public string StatusAt(DateTimeOffset now) => now < DueAt ? "processing" : WillFail ? "failed" : "completed";
}
