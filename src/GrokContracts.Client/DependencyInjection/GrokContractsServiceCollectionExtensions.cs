using System;
using System.Net.Http;
using GrokContracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="GrokContractsClient"/> with <c>IHttpClientFactory</c>, options and logging.</summary>
public static class GrokContractsServiceCollectionExtensions
{
    /// <summary>The name of the <c>HttpClient</c> the client uses (configure it further with <c>AddHttpClient(name)</c>).</summary>
    public const string HttpClientName = "GrokContracts";

    /// <summary>
    /// Registers <see cref="GrokContractsClient"/> and <see cref="IGrokContractsClient"/> (transient, over a factory
    /// <c>HttpClient</c> with no auto-redirect, redacted header logging and the poll-retry handler).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (API key, base URL, schedule, time provider...).</param>
    public static IServiceCollection AddGrokContractsClient(this IServiceCollection services, Action<GrokContractsClientOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var optionsBuilder = services.AddOptions<GrokContractsClientOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(GrokContractsClient.CreatePrimaryHandler)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<GrokContractsClientOptions>>().Value.RequestTimeout)
            .RedactLoggedHeaders(_ => true)
            .AddResilienceHandler(PollRetryPipeline.HandlerName, (builder, context) =>
                PollRetryPipeline.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<GrokContractsClientOptions>>().Value));

        services.TryAddTransient(provider => new GrokContractsClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<GrokContractsClientOptions>>().Value,
            provider.GetService<ILogger<GrokContractsClient>>()));
        services.TryAddTransient<IGrokContractsClient>(provider => provider.GetRequiredService<GrokContractsClient>());
        return services;
    }

    /// <summary>
    /// Like <see cref="AddGrokContractsClient(IServiceCollection, Action{GrokContractsClientOptions})"/>, with the API key
    /// and base URL read from <paramref name="configuration"/>: <c>REAPI_API_KEY</c> / <c>REAPI_BASE_URL</c> (as
    /// environment variables appear), or <c>GrokContracts:ApiKey</c> / <c>GrokContracts:BaseUrl</c>.
    /// <paramref name="configure"/> runs after and wins.
    /// </summary>
    public static IServiceCollection AddGrokContractsClient(this IServiceCollection services, IConfiguration configuration, Action<GrokContractsClientOptions>? configure = null)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return services.AddGrokContractsClient(options =>
        {
            Bind(options, configuration);
            configure?.Invoke(options);
        });
    }

    // Read by hand, not with the reflection-based binder: trim- and AOT-safe.
    private static void Bind(GrokContractsClientOptions options, IConfiguration configuration)
    {
        var key = FirstNonEmpty(configuration["GrokContracts:ApiKey"], configuration[GrokContractsClientOptions.ApiKeyVariable]);
        if (key is not null)
        {
            options.ApiKey = key;
        }

        var baseUrl = FirstNonEmpty(configuration["GrokContracts:BaseUrl"], configuration[GrokContractsClientOptions.BaseUrlVariable]);
        if (baseUrl is not null)
        {
            options.BaseUrl = new Uri(baseUrl, UriKind.Absolute);
        }
    }

    private static string? FirstNonEmpty(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) ? a!.Trim() : !string.IsNullOrWhiteSpace(b) ? b!.Trim() : null;
}
