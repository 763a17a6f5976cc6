using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using GrokContracts.Internal;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace GrokContracts;

/// <summary>
/// The resilience pipeline of the client's <c>HttpClient</c>: retries polls and downloads on 408, 429, 500, 502, 503,
/// 504 and connection failures, exponentially with jitter, honouring <c>Retry-After</c> / <c>retry-after-ms</c> as a
/// floor. Retried: safe methods (GET, HEAD, OPTIONS, TRACE) and the client's polls whatever the spec's poll method
/// (a channel may poll with POST; a poll creates nothing). Never retried: any other request with an unsafe method,
/// above all a submit, which may have reached the server and billed.
/// </summary>
public static class PollRetryPipeline
{
    /// <summary>The name of the resilience handler registered on the client's <c>HttpClient</c>.</summary>
    public const string HandlerName = "grok-contracts-polls";

    /// <summary>Adds the retry strategy to a pipeline builder (what <c>AddGrokContractsClient</c> and the standalone client use).</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, GrokContractsClientOptions options)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var timeProvider = options.TimeProvider ?? TimeProvider.System;
        var baseDelay = options.RetryBaseDelay;
        var cap = options.MaxRetryAfter;
        builder.TimeProvider = timeProvider;
        if (options.MaxPollRetries <= 0)
        {
            return;
        }

        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxPollRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = baseDelay,
            MaxDelay = cap > baseDelay ? cap : baseDelay,
            ShouldRetryAfterHeader = false, // Retry-After is a floor here, not the delay itself: see DelayGenerator.
            ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome) && (args.Context.GetRequestMessage() is not { } request || IsRetryable(request))),
            DelayGenerator = args =>
            {
                var floor = RetryAfterHeader.Read(args.Outcome.Result, timeProvider.GetUtcNow(), cap);
                if (floor is not TimeSpan f)
                {
                    return new ValueTask<TimeSpan?>((TimeSpan?)null); // Polly's exponential backoff with jitter.
                }

                var exponential = TimeSpan.FromTicks(Math.Min(cap.Ticks, baseDelay.Ticks * (1L << Math.Min(args.AttemptNumber, 20))));
                return new ValueTask<TimeSpan?>(f > exponential ? f : exponential);
            },
        };

        builder.AddRetry(retry);
    }

    /// <summary>Builds the pipeline on its own (for a client without dependency injection).</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(GrokContractsClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(builder, options);
        return builder.Build();
    }

    /// <summary>Marks <paramref name="message"/> as a poll: retried on transient failures even when its method is unsafe.</summary>
    internal static void MarkAsPoll(HttpRequestMessage message)
    {
#if NET
        message.Options.Set(PollKey, true);
#else
        message.Properties[PollProperty] = true;
#endif
    }

    /// <summary>A safe method, or a request marked by <see cref="MarkAsPoll"/>.</summary>
    internal static bool IsRetryable(HttpRequestMessage request)
    {
        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Trace)
        {
            return true;
        }

#if NET
        return request.Options.TryGetValue(PollKey, out var poll) && poll;
#else
        return request.Properties.TryGetValue(PollProperty, out var poll) && poll is true;
#endif
    }

    private const string PollProperty = "GrokContracts.Poll";
#if NET
    private static readonly HttpRequestOptionsKey<bool> PollKey = new(PollProperty);
#endif

    /// <summary>True for the outcomes a poll is retried on.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException || outcome.Exception is Polly.Timeout.TimeoutRejectedException;
        }

        return outcome.Result is { } response && IsTransientStatus(response.StatusCode);
    }

    /// <summary>408, 429, 500, 502, 503, 504.</summary>
    internal static bool IsTransientStatus(HttpStatusCode status) =>
        (int)status is 408 or 429 or 500 or 502 or 503 or 504;
}
