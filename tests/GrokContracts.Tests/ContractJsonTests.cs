using System;
using System.Text;
using GrokContracts.GrokImagineVideo15Official;
using GrokContracts.Tests.TestSupport;

namespace GrokContracts.Tests;

/// <summary><see cref="ContractJson"/> reuses a per-thread writer: results must never leak between calls.</summary>
public sealed class ContractJsonTests
{
    [Fact]
    public void Repeated_calls_give_identical_independent_results()
    {
        var shortRequest = TestClients.Official();
        var longRequest = shortRequest.WithPrompt(new string('x', 100_000));

        var first = ContractJson.ToJson(shortRequest);
        var big = ContractJson.ToUtf8Bytes(longRequest);
        var again = ContractJson.ToJson(shortRequest);

        Assert.Equal(first, again);
        Assert.Equal(first, Encoding.UTF8.GetString(ContractJson.ToUtf8Bytes(shortRequest)));
        Assert.Contains(new string('x', 100_000), Encoding.UTF8.GetString(big), StringComparison.Ordinal);
        Assert.StartsWith("{\"model\":\"grok-imagine-video-1.5-official\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_that_throws_mid_write_does_not_poison_the_next_call()
    {
        var good = TestClients.Official();
        var broken = good.WithResolution((Resolution)42); // an undefined enum value: WriteTo throws part-way

        var expected = ContractJson.ToJson(good);
        Assert.ThrowsAny<ArgumentException>(() => ContractJson.ToJson(broken));
        Assert.Equal(expected, ContractJson.ToJson(good));
    }
}
