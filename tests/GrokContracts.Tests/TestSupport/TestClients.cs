using System;
using GrokContracts.Emulator;
using Microsoft.Extensions.Logging;

namespace GrokContracts.Tests.TestSupport;

internal static class TestClients
{
    public const string Key = "test-key-123";
    public const string Prompt = "A slow dolly-in on a lighthouse at dusk, waves and gulls";
    public const string Image = "https://example.com/lighthouse.png";

    /// <summary>Polls every 20 ms and retries after 10 ms: the emulator tests need no real waiting.</summary>
    public static PollingSchedule Fast { get; } = new([new PollingPhase(null, TimeSpan.FromMilliseconds(20))], TimeSpan.FromSeconds(30));

    /// <summary>The shipped official channel, as its spec describes it (the emulator serves its paths).</summary>
    public static ChannelDescriptor OfficialChannel => GrokImagineVideo15Official.GrokImagineVideo15OfficialChannel.Descriptor;

    public static GrokContractsClientOptions Options(Uri baseUrl, string key = Key, TimeProvider? time = null) => new()
    {
        ApiKey = key,
        BaseUrl = baseUrl,
        PollingSchedule = Fast,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        TimeProvider = time ?? TimeProvider.System,
    };

    public static GrokContractsClient For(ReapiEmulator emulator, string key = Key, TimeProvider? time = null, ILogger<GrokContractsClient>? logger = null) =>
        new(Options(emulator.BaseUrl, key, time), logger);

    public static GrokContractsClient ForStub(StubHandler stub, string key = Key, ILogger<GrokContractsClient>? logger = null) =>
        new(Options(new Uri("https://api.test.example"), key), stub, logger);

    public static GrokImagineVideo15Official.VideoGenerationRequest Official() => new(Prompt, Image);

    public static GrokImagineVideo15Beta.VideoGenerationRequest Beta() => new(Image);
}
