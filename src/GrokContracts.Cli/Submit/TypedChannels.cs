using System;
using System.Collections.Generic;
using System.Linq;
using GrokContracts.Spec;
using Beta = GrokContracts.GrokImagineVideo15Beta;
using Official = GrokContracts.GrokImagineVideo15Official;

namespace GrokContracts.Cli.Submit;

/// <summary>
/// The channels <c>submit</c> can build a typed request for: the <c>VideoGenerationRequest</c> types the generator
/// emits into this assembly from the shipped specs. A wire value the channel's enum does not have becomes an
/// undefined enum value, so the request's own <c>Validate()</c> reports it with the API's code and message.
/// </summary>
internal static class TypedChannels
{
    /// <summary>The typed channels: short name, model id, request builder.</summary>
    public static IReadOnlyList<TypedChannel> All { get; } =
    [
        new("official", Official.GrokImagineVideo15OfficialChannel.ModelId, BuildOfficial),
        new("beta", Beta.GrokImagineVideo15BetaChannel.ModelId, BuildBeta),
    ];

    /// <summary>The channel named <paramref name="name"/> (short name or model id); a usage error otherwise.</summary>
    public static TypedChannel Find(string name)
    {
        var channel = All.FirstOrDefault(c => c.ShortName == name || c.ModelId == name);
        if (channel is not null)
        {
            return channel;
        }

        var known = string.Join(", ", All.Select(c => $"{c.ShortName} ({c.ModelId})"));
        var candidates = All.SelectMany(c => new[] { c.ShortName, c.ModelId });
        var closest = candidates
            .Select(c => (Name: c, Distance: ContractCatalog.EditDistance(name.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance * 3 <= Math.Max(name.Length, c.Name.Length))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();
        var hint = closest is null ? string.Empty : $"did you mean '{closest}'? ";
        throw new CliUsageException($"--model: no typed request for '{name}' ({hint}typed channels: {known})");
    }

    private static Official.VideoGenerationRequest BuildOfficial(SubmitArguments arguments)
    {
        if (arguments.NsfwChecker is not null)
        {
            throw new CliUsageException("--nsfw-checker: the official channel has no nsfw_checker parameter");
        }

        // A missing prompt is the API's 20002 "prompt is required", which Validate() reports for the empty string.
        var request = new Official.VideoGenerationRequest(arguments.Prompt ?? string.Empty, arguments.Images);
        if (arguments.AspectRatio is { } aspectRatio)
        {
            request = request.WithAspectRatio(Official.AspectRatioWire.TryParse(aspectRatio, out var value) ? value : (Official.AspectRatio)(-1));
        }

        if (arguments.Resolution is { } resolution)
        {
            request = request.WithResolution(Official.ResolutionWire.TryParse(resolution, out var value) ? value : (Official.Resolution)(-1));
        }

        if (arguments.Duration is { } duration)
        {
            request = request.WithDuration(duration);
        }

        return arguments.NoAudio ? request.WithAudio(false) : request;
    }

    private static Beta.VideoGenerationRequest BuildBeta(SubmitArguments arguments)
    {
        if (arguments.NoAudio)
        {
            throw new CliUsageException("--no-audio: the beta channel has no audio toggle");
        }

        var request = new Beta.VideoGenerationRequest(arguments.Images);
        if (arguments.Prompt is not null)
        {
            request = request.WithPrompt(arguments.Prompt);
        }

        if (arguments.AspectRatio is { } aspectRatio)
        {
            request = request.WithAspectRatio(Beta.AspectRatioWire.TryParse(aspectRatio, out var value) ? value : (Beta.AspectRatio)(-1));
        }

        if (arguments.Resolution is { } resolution)
        {
            request = request.WithResolution(Beta.ResolutionWire.TryParse(resolution, out var value) ? value : (Beta.Resolution)(-1));
        }

        if (arguments.Duration is { } duration)
        {
            request = request.WithDuration(duration);
        }

        return arguments.NsfwChecker is { } nsfw ? request.WithNsfwChecker(nsfw) : request;
    }
}

/// <summary>A channel <c>submit</c> can build a typed request for.</summary>
/// <param name="ShortName">The <c>--model</c> short name, e.g. <c>official</c>.</param>
/// <param name="ModelId">The model id, e.g. <c>grok-imagine-video-1.5-official</c>.</param>
/// <param name="Build">Builds the channel's generated request from the arguments (usage errors for parameters it lacks).</param>
internal sealed record TypedChannel(string ShortName, string ModelId, Func<SubmitArguments, IContractRequest> Build);
