using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using GrokContracts.Cli.Commands;
using GrokContracts.Cli.Specs;
using GrokContracts.Spec;

namespace GrokContracts.Cli.Submit;

/// <summary>The options <c>submit</c> and <c>task</c> share: which contract, where to send, how to wait.</summary>
internal sealed class SessionOptions
{
    private const double MaxSeconds = 2 * 24 * 3600;

    public Option<string> Model { get; } = new("--model")
    {
        Description = "Model id of a loaded spec (shipped or --spec), or its unique last part (official, beta). Default: the model of the one --spec file.",
        HelpName = "id",
    };

    public Option<string[]> Spec { get; } = CheckCommand.SpecOption();

    public Option<bool> Wait { get; } = new("--wait") { Description = "Poll until the task ends, on the channel's polling schedule, showing progress." };

    public Option<string> Out { get; } = new("--out") { Description = "Download the video to this file (implies --wait).", HelpName = "video.mp4" };

    public Option<string> BaseUrl { get; } = new("--base-url") { Description = "API base URL (default: $REAPI_BASE_URL, else the channel's from its spec).", HelpName = "url" };

    public Option<string> ApiKey { get; } = new("--api-key") { Description = "API key (default: $REAPI_API_KEY). Never printed.", HelpName = "key" };

    public Option<double?> PollInterval { get; } = OptionValues.Seconds(
        new Option<double?>("--poll-interval") { Description = "Poll every this many seconds instead of the channel's schedule.", HelpName = "seconds" },
        0,
        MaxSeconds,
        positive: true);

    public Option<double?> Timeout { get; } = OptionValues.Seconds(
        new Option<double?>("--timeout") { Description = "Give up waiting after this many seconds (default: the channel's timeout).", HelpName = "seconds" },
        0,
        MaxSeconds,
        positive: true);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Model, Spec, Wait, Out, BaseUrl, ApiKey, PollInterval, Timeout })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The options of a command that talks to any loaded channel without choosing one (<c>batch</c>): specs, where to send, how to wait.</summary>
    public void AddConnectionTo(Command command)
    {
        foreach (var option in new Option[] { Spec, BaseUrl, ApiKey, PollInterval, Timeout })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The shipped contracts plus the <c>--spec</c> files, and the parse results of those files (each parsed once).</summary>
    public (ContractCatalog Catalog, IReadOnlyList<SpecParseResult> UserSpecs) LoadCatalog(ParseResult parseResult, CliEnvironment environment)
    {
        var parsed = (parseResult.GetValue(Spec) ?? []).Select(path => SpecSources.ParseFile(path, environment)).ToList();
        return (SpecSources.LoadCatalog(parsed), parsed);
    }

    /// <summary>The schedule a channel's tasks are polled on: the channel's, unless <c>--poll-interval</c>/<c>--timeout</c> say otherwise.</summary>
    public PollingSchedule? ScheduleFor(ParseResult parseResult, ChannelDescriptor channel) =>
        TaskSession.Schedule(channel, parseResult.GetValue(PollInterval), parseResult.GetValue(Timeout));

    /// <summary>The loaded catalog and the contract <c>--model</c> chooses.</summary>
    public (ContractCatalog Catalog, Contract Contract) Resolve(ParseResult parseResult, CliEnvironment environment)
    {
        var specPaths = parseResult.GetValue(Spec) ?? [];
        var (catalog, parsed) = LoadCatalog(parseResult, environment);
        var fromFiles = parsed
            .Where(r => r.Contract is not null)
            .Select(r => r.Contract!.ModelId)
            .Distinct()
            .Select(id => catalog.TryGet(id, out var c) ? c : null)
            .OfType<Contract>()
            .ToList();
        return (catalog, SpecChannels.Choose(catalog, parseResult.GetValue(Model), specPaths, fromFiles));
    }

    /// <summary>A client for the channel, with the schedule the options ask for.</summary>
    public GrokContractsClient CreateClient(CliContext context, ParseResult parseResult, ChannelDescriptor channel) =>
        TaskSession.CreateClient(
            context,
            channel,
            parseResult.GetValue(BaseUrl),
            parseResult.GetValue(ApiKey),
            ScheduleFor(parseResult, channel));
}
