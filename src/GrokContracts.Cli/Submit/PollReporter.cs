using System;

namespace GrokContracts.Cli.Submit;

/// <summary>An <see cref="IProgress{T}"/> that reports synchronously, in order, on the polling loop's thread.</summary>
internal sealed class PollReporter(Action<TaskProgress> report) : IProgress<TaskProgress>
{
    public void Report(TaskProgress value) => report(value);
}
