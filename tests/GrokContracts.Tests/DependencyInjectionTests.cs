using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using GrokContracts.Emulator;
using GrokContracts.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GrokContracts.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task Options_bind_from_REAPI_variables_and_the_client_works_end_to_end()
    {
        await using var emulator = await ReapiEmulator.StartAsync(new ReapiEmulatorOptions { ApiKey = "cfg-key", CompletionDelay = TimeSpan.FromMilliseconds(30) });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["REAPI_API_KEY"] = "cfg-key",
            ["REAPI_BASE_URL"] = emulator.BaseUrl.AbsoluteUri,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddGrokContractsClient(configuration, o => o.PollingSchedule = TestClients.Fast);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IGrokContractsClient>();
        var done = await client.GenerateAsync(TestClients.Official());

        Assert.Equal(emulator.BaseUrl, ((GrokContractsClient)client).BaseUrl);
        Assert.Equal(VideoTaskStatus.Completed, done.StatusKind);
    }

    [Fact]
    public void A_GrokContracts_section_wins_and_without_a_base_url_each_channel_uses_its_specs()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["REAPI_API_KEY"] = "env-key",
            ["GrokContracts:ApiKey"] = "section-key",
        }).Build();
        using var provider = new ServiceCollection().AddGrokContractsClient(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GrokContractsClientOptions>>().Value;
        Assert.Equal("section-key", options.ApiKey);
        Assert.Null(options.BaseUrl);
        var client = provider.GetRequiredService<GrokContractsClient>();
        Assert.Null(client.BaseUrl);
        Assert.Equal(new Uri("https://reapi.ai/"), client.GetBaseUrl(TestClients.OfficialChannel));
        Assert.Equal(new Uri("https://reapi.ai/"), client.GetBaseUrl(GrokImagineVideo15Beta.GrokImagineVideo15BetaChannel.Descriptor));
    }

    [Fact]
    public void Without_a_key_resolving_the_client_fails_clearly()
    {
        using var provider = new ServiceCollection().AddGrokContractsClient().BuildServiceProvider();

        var ex = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IGrokContractsClient>());
        Assert.Contains(GrokContractsClientOptions.ApiKeyVariable, ex.Message);
    }
}
