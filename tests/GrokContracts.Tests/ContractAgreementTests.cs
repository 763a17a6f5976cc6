using System.Collections.Generic;
using System.Threading.Tasks;
using GrokContracts.Emulator;
using GrokContracts.Tests.TestSupport;

namespace GrokContracts.Tests;

/// <summary>
/// A rule exists twice (generated <c>Validate()</c> and the emulator's <c>ContractRules</c>): on the same requests both
/// give the same first code and message.
/// </summary>
public sealed class ContractAgreementTests
{
    public static IEnumerable<object[]> Requests()
    {
        var official = TestClients.Official();
        var beta = TestClients.Beta();
        yield return [official.WithDuration(2)];
        yield return [official.WithDuration(16)];
        yield return [official.WithPrompt(string.Empty)];
        yield return [official.WithImageUrls("data:image/png;base64,AAAA")];
        yield return [official.WithImageUrls("ftp://example.com/a.png")];
        yield return [official.WithImageUrls("https://a.example/1.png", "https://a.example/2.png")];
        yield return [official.WithImageUrls()];
        yield return [official.WithPrompt(string.Empty).WithDuration(99)];
        yield return [beta.WithDuration(0)];
        yield return [beta.WithDuration(16)];
        yield return [beta.WithImageUrls("file:///etc/passwd")];
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Local_validation_and_the_emulator_agree(IContractRequest request)
    {
        await using var emulator = await ReapiEmulator.StartAsync();
        using var client = TestClients.For(emulator);
        Assert.NotEmpty(request.Validate());
        var local = request.Validate()[0];

        var server = await Assert.ThrowsAsync<ReapiValidationException>(() => client.SubmitAsync(new RawJsonRequest(request.ModelId, ContractJson.ToJson(request))));

        Assert.Equal(local.Code, server.Code);
        Assert.Contains(local.Message, server.Message);
    }
}
