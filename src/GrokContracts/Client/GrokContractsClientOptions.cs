using System;

namespace GrokContracts;

/// <summary>
/// Settings of <see cref="GrokContractsClient"/>. <see cref="ToString"/> never shows the API key.
/// </summary>
public sealed class GrokContractsClientOptions
{
    /// <summary>The hosted service's base URL.</summary>
    public const string DefaultBaseUrl = "https://reapi.ai";

    /// <summary>The environment variable / configuration key holding the API key.</summary>
    public const string ApiKeyVariable = "REAPI_API_KEY";

    /// <summary>The environment variable / configuration key holding the base URL.</summary>
    public const string BaseUrlVariable = "REAPI_BASE_URL";

    /// <summary>The default bound on a JSON response body: 4 MiB.</summary>
    public const int DefaultMaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>The API key, sent as <c>Authorization: Bearer</c> on every call to <see cref="BaseUrl"/>. Required.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The service's base URL (default <c>https://reapi.ai</c>). Must be https, except for a loopback address
    /// (<c>http://127.0.0.1:port</c>, the local emulator).
    /// </summary>
    public Uri BaseUrl { get; set; } = new Uri(DefaultBaseUrl);

    /// <summary>The schedule <see cref="GrokContractsClient.WaitForCompletionAsync"/> polls on unless given another.</summary>
    public PollingSchedule PollingSchedule { get; set; } = PollingSchedule.Default;

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

        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The base URL must be absolute.", nameof(BaseUrl));
        }

        if (!Internal.Loopback.IsAllowed(BaseUrl))
        {
            throw new ArgumentException("The base URL must use https (plain http is allowed only for loopback addresses such as the local emulator): " + BaseUrl.GetLeftPart(UriPartial.Authority), nameof(BaseUrl));
        }

        if (!string.IsNullOrEmpty(BaseUrl.UserInfo))
        {
            throw new ArgumentException("The base URL must not carry user info.", nameof(BaseUrl));
        }

        if (MaxResponseBytes < 1024 || MaxPollRetries < 0 || MaxPollRetries > 10 || RetryBaseDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("MaxResponseBytes (>= 1024), MaxPollRetries (0-10), RetryBaseDelay, MaxRetryAfter and RequestTimeout must be sane.");
        }

        (PollingSchedule ?? throw new ArgumentException("A polling schedule is required.", nameof(PollingSchedule))).Validate();
        _ = TimeProvider ?? throw new ArgumentException("A time provider is required.", nameof(TimeProvider));
    }

    /// <summary>Describes the options with the API key redacted.</summary>
    public override string ToString() =>
        "GrokContractsClientOptions { BaseUrl = " + BaseUrl + ", ApiKey = " + (string.IsNullOrEmpty(ApiKey) ? "(none)" : "[redacted]") + " }";
}
