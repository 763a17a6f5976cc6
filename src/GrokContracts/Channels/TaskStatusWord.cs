using System;

namespace GrokContracts;

/// <summary>One status word of a channel's task envelope and what it means (from the spec's <c>task.statuses</c>).</summary>
public sealed class TaskStatusWord
{
    /// <summary>Creates a status word.</summary>
    /// <param name="value">The wire value, e.g. <c>queued</c>.</param>
    /// <param name="meaning"><see cref="VideoTaskStatus.Processing"/> (pending), <see cref="VideoTaskStatus.Completed"/> (succeeded) or <see cref="VideoTaskStatus.Failed"/>.</param>
    public TaskStatusWord(string value, VideoTaskStatus meaning)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("A status word is required.", nameof(value));
        }

        if (meaning is not (VideoTaskStatus.Processing or VideoTaskStatus.Completed or VideoTaskStatus.Failed))
        {
            throw new ArgumentOutOfRangeException(nameof(meaning), meaning, "A status word means pending, succeeded or failed.");
        }

        Value = value;
        Meaning = meaning;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary>What the word means to a client.</summary>
    public VideoTaskStatus Meaning { get; }

    /// <inheritdoc />
    public override string ToString() => Value + " = " + Meaning;
}
