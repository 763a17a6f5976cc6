using System;
using System.Net.Http;
using System.Net.Http.Headers;
using GrokContracts.Internal;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GrokContracts;

/// <summary>
/// The video client for any channel with a contract spec. Submits typed requests (validated first, never retried) to
/// the request's channel, polls tasks at the channel's poll endpoint on its polling schedule, reads its status words,
/// and downloads the videos. Thread-safe. The API key never appears in logs, exception messages or
/// <see cref="ToString"/>, and is sent only to the origin of the base URL in use (<see cref="GetBaseUrl"/>).
/// </summary>
/// <remarks>
/// Documented defaults that no spec states: the key goes in <c>Authorization: Bearer</c>, and responses are the
/// reference's task envelope (<c>{ id, model, status, created_at, output, error }</c>) and error envelope
/// (<c>{ error: { code, message, request_id } }</c>).
/// </remarks>
public sealed partial class GrokContractsClient : IGrokContractsClient, IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly GrokContractsClientOptions _options;
    private readonly ILogger _logger;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _time;

    /// <summary>Creates a client with its own <c>HttpClient</c> (no auto-redirect, poll retries built in).</summary>
    /// <param name="options">The settings; copied and validated (<see cref="GrokContractsClientOptions.Validate"/>).</param>
    /// <param name="logger">Where to log (nothing by default).</param>
    public GrokContractsClient(GrokContractsClientOptions options, ILogger<GrokContractsClient>? logger = null)
        : this(options, CreatePrimaryHandler(), logger)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="primaryHandler"/> (wrapped in the poll-retry handler).
    /// The client takes ownership of the handler and disposes it.
    /// </summary>
    public GrokContractsClient(GrokContractsClientOptions options, HttpMessageHandler primaryHandler, ILogger<GrokContractsClient>? logger = null)
    {
        if (primaryHandler is null)
        {
            throw new ArgumentNullException(nameof(primaryHandler));
        }

        _options = Snapshot(options);
        var resilience = new ResilienceHandler(PollRetryPipeline.Build(_options)) { InnerHandler = primaryHandler };
        _http = new HttpClient(resilience, disposeHandler: true) { Timeout = _options.RequestTimeout };
        _ownsHttp = true;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _redactor = new SecretRedactor(_options.ApiKey);
        _time = _options.TimeProvider;
        BaseUrl = _options.BaseUrl is { } explicitBase ? NormalizeBase(explicitBase) : null;
    }

    /// <summary>
    /// Creates a client over an <c>HttpClient</c> someone else owns, normally one from <c>IHttpClientFactory</c> set up by
    /// <c>AddGrokContractsClient</c> (which adds the poll-retry handler and turns off auto-redirect).
    /// </summary>
    public GrokContractsClient(HttpClient httpClient, GrokContractsClientOptions options, ILogger<GrokContractsClient>? logger = null)
    {
        _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _ownsHttp = false;
        _options = Snapshot(options);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _redactor = new SecretRedactor(_options.ApiKey);
        _time = _options.TimeProvider;
        BaseUrl = _options.BaseUrl is { } explicitBase ? NormalizeBase(explicitBase) : null;
    }

    /// <summary>
    /// The base URL the options set explicitly (ends with <c>/</c>), used for every channel; null when each channel uses
    /// its own spec's <see cref="ChannelDescriptor.BaseUrl"/>.
    /// </summary>
    public Uri? BaseUrl { get; }

    /// <summary>The base URL requests of <paramref name="channel"/> go to: <see cref="BaseUrl"/> when set, else the channel's.</summary>
    /// <exception cref="InvalidOperationException">The channel's base URL is plain http on a host that is not loopback (the key would travel in clear).</exception>
    public Uri GetBaseUrl(ChannelDescriptor channel)
    {
        if (channel is null)
        {
            throw new ArgumentNullException(nameof(channel));
        }

        if (BaseUrl is { } explicitBase)
        {
            return explicitBase;
        }

        if (!Loopback.IsAllowed(channel.BaseUrl))
        {
            throw new InvalidOperationException("The base URL of " + channel.ModelId + " must use https (plain http only on loopback): " + channel.BaseUrl.GetLeftPart(UriPartial.Authority) + ".");
        }

        return NormalizeBase(channel.BaseUrl);
    }

    /// <summary>
    /// The primary handler the client uses when it creates its own <c>HttpClient</c>: no automatic redirects (so the
    /// key never follows one), no cookies.
    /// </summary>
    public static HttpMessageHandler CreatePrimaryHandler()
    {
#if NET8_0_OR_GREATER
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
#else
        return new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
#endif
    }

    /// <summary>Disposes the <c>HttpClient</c> if the client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>Names the client and its explicit base URL, if any; never the API key.</summary>
    public override string ToString() => "GrokContractsClient(" + (BaseUrl?.ToString() ?? "each channel's base URL") + ")";

    private static GrokContractsClientOptions Snapshot(GrokContractsClientOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var copy = options.Clone();
        copy.Validate();
        return copy;
    }

    private static Uri NormalizeBase(Uri baseUrl)
    {
        var text = baseUrl.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/", UriKind.Absolute);
    }

    private HttpRequestMessage CreateApiRequest(ChannelDescriptor channel, ChannelEndpoint endpoint, string? taskId)
    {
        var message = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Resolve(GetBaseUrl(channel), taskId));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return message;
    }
}
