using System;
using System.Collections.Generic;
using System.Linq;
using GrokContracts.Spec;

namespace GrokContracts.Cli.Specs;

/// <summary>
/// A contract loaded at run time, as the runtime client needs it: the same <see cref="ChannelDescriptor"/> the
/// generator writes for a compiled spec (a test compares the two for the shipped specs), built here from the
/// <see cref="Contract"/> because the CLI reads specs it was not compiled with.
/// </summary>
internal static class SpecChannels
{
    /// <summary>The run-time descriptor of <paramref name="contract"/>.</summary>
    public static ChannelDescriptor ToDescriptor(Contract contract)
    {
        var endpoints = contract.Endpoints;
        var statuses = contract.Statuses.Select(s => new TaskStatusWord(s.Value, Meaning(s.Outcome)));
        var polling = contract.Polling is { } p
            ? new PollingSchedule(p.Phases.Select(phase => new PollingPhase(phase.Until, phase.Every, phase.Gradual)), p.Timeout)
            : null;
        var pricing = contract.Pricing is { } price
            ? new ChannelPricing(
                price.PerSecondUsd,
                price.PerParameter,
                price.Multipliers.Select(m => new GrokContracts.PriceMultiplier(m.Parameter, m.Value, m.Multiplier)),
                price.CreditUsd,
                price.RefundsFailed)
            : null;
        return new ChannelDescriptor(
            contract.ModelId,
            endpoints.BaseUrl,
            new ChannelEndpoint(endpoints.Submit.Method, endpoints.Submit.Path),
            new ChannelEndpoint(endpoints.Poll.Method, endpoints.Poll.Path),
            statuses,
            polling,
            contract.Output?.VideoUrlsValidFor,
            pricing);
    }

    /// <summary>
    /// The contract <c>--model</c> names: a model id, or a suffix after its last <c>-</c> that only one loaded model has
    /// (<c>official</c>, <c>beta</c>). Without <c>--model</c>, the one model of the <c>--spec</c> files when they hold one.
    /// </summary>
    public static Contract Choose(ContractCatalog catalog, string? model, IReadOnlyList<string> specPaths, IReadOnlyList<Contract> fromSpecFiles)
    {
        var all = catalog.Contracts.ToList();
        if (model is null)
        {
            if (fromSpecFiles.Count == 1)
            {
                return fromSpecFiles[0];
            }

            throw new CliUsageException("--model is required (loaded models: " + string.Join(", ", all.Select(c => c.ModelId)) + ")");
        }

        if (catalog.TryGet(model, out var exact))
        {
            return exact;
        }

        var bySuffix = all.Where(c => c.ModelId.EndsWith("-" + model, StringComparison.Ordinal)).ToList();
        if (bySuffix.Count == 1)
        {
            return bySuffix[0];
        }

        var closest = catalog.FindClosestModelId(model);
        var hint = closest is null ? string.Empty : $"did you mean '{closest}'? ";
        var more = specPaths.Count == 0 ? "; add its spec with --spec" : string.Empty;
        throw new CliUsageException($"--model: no loaded model '{model}' ({hint}loaded: {string.Join(", ", all.Select(c => c.ModelId))}{more})");
    }

    private static VideoTaskStatus Meaning(TaskOutcome outcome) => outcome switch
    {
        TaskOutcome.Succeeded => VideoTaskStatus.Completed,
        TaskOutcome.Failed => VideoTaskStatus.Failed,
        _ => VideoTaskStatus.Processing,
    };
}
