using System;
using System.Collections.Generic;

namespace GrokContracts;

/// <summary>
/// Everything the run time needs to talk to one model channel, generated from its contract spec: the base URL, the
/// submit and poll endpoints, the task status words and what they mean, the polling schedule, how long output URLs
/// stay valid and the pricing. Generated code exposes one per channel (<c>…Channel.Descriptor</c>, and
/// <see cref="IContractRequest.Channel"/> on every request); tools that load specs at run time build their own.
/// </summary>
/// <remarks>
/// What no spec states is a documented default of the client, not of the descriptor: the <c>Authorization: Bearer</c>
/// scheme and the task envelope (<c>{ id, model, status, created_at, output, error }</c>) of the reference.
/// </remarks>
public sealed class ChannelDescriptor
{
    private readonly Dictionary<string, VideoTaskStatus> _meanings;

    /// <summary>Creates a channel descriptor.</summary>
    /// <param name="modelId">The channel's model id.</param>
    /// <param name="baseUrl">Absolute http(s) base URL of the hosted service.</param>
    /// <param name="submit">The submit endpoint.</param>
    /// <param name="poll">The poll endpoint (normally with an <c>{id}</c> placeholder).</param>
    /// <param name="statuses">The task status words; at least one means <see cref="VideoTaskStatus.Completed"/>.</param>
    /// <param name="polling">The spec's polling schedule, or null when the spec gives none.</param>
    /// <param name="videoUrlsValidFor">How long output URLs stay valid, or null when not stated.</param>
    /// <param name="pricing">How the channel bills, or null when not stated.</param>
    /// <exception cref="ArgumentException">A value is missing or inconsistent.</exception>
    public ChannelDescriptor(
        string modelId,
        string baseUrl,
        ChannelEndpoint submit,
        ChannelEndpoint poll,
        IEnumerable<TaskStatusWord> statuses,
        PollingSchedule? polling,
        TimeSpan? videoUrlsValidFor,
        ChannelPricing? pricing)
    {
        if (string.IsNullOrEmpty(modelId))
        {
            throw new ArgumentException("A model id is required.", nameof(modelId));
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The base URL must be an absolute http(s) URL.", nameof(baseUrl));
        }

        ModelId = modelId;
        BaseUrl = parsed;
        Submit = submit ?? throw new ArgumentNullException(nameof(submit));
        Poll = poll ?? throw new ArgumentNullException(nameof(poll));
        var words = new List<TaskStatusWord>(statuses ?? throw new ArgumentNullException(nameof(statuses)));
        _meanings = new Dictionary<string, VideoTaskStatus>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (word is null || _meanings.ContainsKey(word.Value))
            {
                throw new ArgumentException("Status words must be unique and not null.", nameof(statuses));
            }

            _meanings.Add(word.Value, word.Meaning);
        }

        if (!words.Exists(w => w.Meaning == VideoTaskStatus.Completed))
        {
            throw new ArgumentException("At least one status word must mean succeeded, or no wait could end.", nameof(statuses));
        }

        Statuses = words.AsReadOnly();
        Polling = polling;
        VideoUrlsValidFor = videoUrlsValidFor;
        Pricing = pricing;
    }

    /// <summary>The channel's model id, sent as the request's <c>model</c>.</summary>
    public string ModelId { get; }

    /// <summary>The hosted service's base URL; the client uses it unless its options set one explicitly.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The submit endpoint (a submit bills and is never retried automatically).</summary>
    public ChannelEndpoint Submit { get; }

    /// <summary>The poll endpoint (polls are free and retried).</summary>
    public ChannelEndpoint Poll { get; }

    /// <summary>The task status words in spec order.</summary>
    public IReadOnlyList<TaskStatusWord> Statuses { get; }

    /// <summary>The spec's polling schedule, or null when the spec gives none (the client then uses <see cref="PollingSchedule.Fallback"/>).</summary>
    public PollingSchedule? Polling { get; }

    /// <summary>How long output URLs stay valid, or null when not stated.</summary>
    public TimeSpan? VideoUrlsValidFor { get; }

    /// <summary>How the channel bills, or null when not stated.</summary>
    public ChannelPricing? Pricing { get; }

    /// <summary>
    /// What a wire status means on this channel: exact match first, then ignoring case. A word the spec does not list
    /// is <see cref="VideoTaskStatus.Unknown"/>, which a client treats as still pending (unknown statuses must be tolerated).
    /// </summary>
    public VideoTaskStatus ParseStatus(string? status)
    {
        if (status is null)
        {
            return VideoTaskStatus.Unknown;
        }

        if (_meanings.TryGetValue(status, out var meaning))
        {
            return meaning;
        }

        foreach (var word in Statuses)
        {
            if (string.Equals(word.Value, status, StringComparison.OrdinalIgnoreCase))
            {
                return word.Meaning;
            }
        }

        return VideoTaskStatus.Unknown;
    }

    /// <summary>The first status word with <paramref name="meaning"/>, or null when the channel has none.</summary>
    public string? FirstWord(VideoTaskStatus meaning)
    {
        foreach (var word in Statuses)
        {
            if (word.Meaning == meaning)
            {
                return word.Value;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => "ChannelDescriptor(" + ModelId + ": " + Submit + ", " + Poll + ")";
}
