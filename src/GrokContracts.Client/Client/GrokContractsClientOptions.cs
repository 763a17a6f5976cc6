using System;

namespace GrokContracts;

/// <summary>
/// Settings of <see cref="GrokContractsClient"/>. <see cref="ToString"/> never shows the API key.
/// </summary>
public sealed class GrokContractsClientOptions
{
    /// <summary>The environment variable / configuration key holding the API key.</summary>
    public const string ApiKeyVariable = "REAPI_API_KEY";

    /// <summary>The environment variable / configuration key holding the base URL.</summary>
    public const string BaseUrlVariable = "REAPI_BASE_URL";

    /// <summary>The default bound on a JSON response body: 4 MiB.</summary>
    public const int DefaultMaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>The API key, sent as <c>Authorization: Bearer</c> (a documented default) on every API call. Required.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// A base URL for every channel, e.g. the local emulator's <c>http://127.0.0.1:port/</c>; null (the default) sends
    /// each request to its channel's own base URL from its spec. Must be https, except for a loopback address.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// A schedule for every wait that is not given one; null (the default) follows each channel's spec
    /// (<see cref="ChannelDescriptor.Polling"/>, else <see cref="GrokContracts.PollingSchedule.Fallback"/>).
    /// </summary>
    public PollingSchedule? PollingSchedule { get; set; }

    /// <summary>The clock for every delay (polling and retry backoff); replace it in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The largest JSON response body read (default 4 MiB); a larger one is a <see cref="ReapiProtocolException"/>.</summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>How many times a failed poll (GET) is retried: 408, 429, 500, 502, 503, 504 or a connection failure (default 3).</summary>
    public int MaxPollRetries { get; set; } = 3;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter (default 1 s).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait a server's <c>Retry-After</c> / <c>retry-after-ms</c> can impose (default 5 minutes).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of one HTTP attempt when the client creates its own <c>HttpClient</c> (default 100 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Options from <c>REAPI_API_KEY</c> and <c>REAPI_BASE_URL</c> (the latter optional).</summary>
    public static GrokContractsClientOptions FromEnvironment()
    {
        var options = new GrokContractsClientOptions { ApiKey = Environment.GetEnvironmentVariable(ApiKeyVariable) };
        var baseUrl = Environment.GetEnvironmentVariable(BaseUrlVariable);
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            options.BaseUrl = new Uri(baseUrl, UriKind.Absolute);
        }

        return options;
    }

    /// <summary>A copy (so later changes to this instance do not reach a client already built).</summary>
    public GrokContractsClientOptions Clone() => (GrokContractsClientOptions)MemberwiseClone();

    /// <summary>Throws <see cref="ArgumentException"/> when the options cannot work; the message never shows the key.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("An API key is required (set " + ApiKeyVariable + " or GrokContractsClientOptions.ApiKey).", nameof(ApiKey));
        }

        foreach (var c in ApiKey!)
        {
            if (c <= ' ' || c == '\u007f')
            {
                throw new ArgumentException("The API key contains whitespace or control characters.", nameof(ApiKey));
            }
        }

        if (BaseUrl is not null)
        {
            ValidateBaseUrl(BaseUrl);
        }

        if (MaxResponseBytes < 1024 || MaxPollRetries < 0 || MaxPollRetries > 10 || RetryBaseDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("MaxResponseBytes (>= 1024), MaxPollRetries (0-10), RetryBaseDelay, MaxRetryAfter and RequestTimeout must be sane.");
        }

        PollingSchedule?.Validate();
        _ = TimeProvider ?? throw new ArgumentException("A time provider is required.", nameof(TimeProvider));
    }

    private static void ValidateBaseUrl(Uri baseUrl)
    {
        if (!baseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The base URL must be absolute.", nameof(baseUrl));
        }

        if (!Internal.Loopback.IsAllowed(baseUrl))
        {
            throw new ArgumentException("The base URL must use https (plain http is allowed only for loopback addresses such as the local emulator): " + baseUrl.GetLeftPart(UriPartial.Authority), nameof(baseUrl));
        }

        if (!string.IsNullOrEmpty(baseUrl.UserInfo))
        {
            throw new ArgumentException("The base URL must not carry user info.", nameof(baseUrl));
        }
    }

    /// <summary>Describes the options with the API key redacted.</summary>
    public override string ToString() =>
        "GrokContractsClientOptions { BaseUrl = " + (BaseUrl?.ToString() ?? "(each channel's)") + ", ApiKey = " + (string.IsNullOrEmpty(ApiKey) ? "(none)" : "[redacted]") + " }";
}
