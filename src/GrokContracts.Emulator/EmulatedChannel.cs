using System;
using System.Collections.Generic;
using System.Linq;
using GrokContracts.Spec;

namespace GrokContracts.Emulator;

/// <summary>One loaded spec as the emulator serves it: its endpoints and its status words.</summary>
internal sealed class EmulatedChannel
{
    public EmulatedChannel(Contract contract)
    {
        Contract = contract;
        Submit = new EndpointTemplate(contract.Endpoints.Submit);
        Poll = new EndpointTemplate(contract.Endpoints.Poll);
        PendingWords = Words(contract, TaskOutcome.Pending, EmulatorDefaults.PendingStatus);
        SucceededWord = Words(contract, TaskOutcome.Succeeded, EmulatorDefaults.SucceededStatus)[0];
        FailedWord = Words(contract, TaskOutcome.Failed, EmulatorDefaults.FailedStatus)[0];
    }

    public Contract Contract { get; }

    public string ModelId => Contract.ModelId;

    public EndpointTemplate Submit { get; }

    public EndpointTemplate Poll { get; }

    /// <summary>The spec's pending words in spec order (at least one), reported in turn over a task's delay.</summary>
    public IReadOnlyList<string> PendingWords { get; }

    /// <summary>The spec's first succeeded word.</summary>
    public string SucceededWord { get; }

    /// <summary>The spec's first failed word.</summary>
    public string FailedWord { get; }

    /// <summary>
    /// The word for <paramref name="outcome"/>; while pending, pending word <c>i</c> of <c>n</c> from
    /// <c>i/n</c> of <paramref name="delay"/> on (exact integer arithmetic on ticks).
    /// </summary>
    public string WordFor(TaskOutcome outcome, TimeSpan elapsed, TimeSpan delay)
    {
        if (outcome != TaskOutcome.Pending)
        {
            return outcome == TaskOutcome.Succeeded ? SucceededWord : FailedWord;
        }

        var index = delay > TimeSpan.Zero && elapsed > TimeSpan.Zero
            ? (long)Int128.Min((Int128)elapsed.Ticks * PendingWords.Count / delay.Ticks, PendingWords.Count - 1)
            : 0;
        return PendingWords[(int)index];
    }

    private static string[] Words(Contract contract, TaskOutcome outcome, string fallback)
    {
        var words = contract.Statuses.Where(s => s.Outcome == outcome).Select(s => s.Value).ToArray();
        return words.Length > 0 ? words : [fallback];
    }
}
