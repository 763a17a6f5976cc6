using System;
using System.Collections.Generic;
using System.Linq;
using GrokContracts.Generators.Tests.TestSupport;
using GrokContracts.Spec;

namespace GrokContracts.Generators.Tests;

/// <summary>
/// One source of truth: for the same requests, the generated <c>Validate()</c> and the Spec library's
/// <see cref="ContractRules"/> (run on the request's own wire JSON) report the same violations, in the same
/// order, with the same codes, messages, paths and kinds.
/// </summary>
public sealed class RulesAgreementTests
{
    private const string Image = "https://example.com/a.png";

    public static TheoryData<string, string> Cases() => new()
    {
        { "official", "valid" },
        { "official", "empty prompt" },
        { "official", "duration 2" },
        { "official", "duration 16" },
        { "official", "two images" },
        { "official", "data url" },
        { "official", "no images" },
        { "official", "everything wrong" },
        { "beta", "valid" },
        { "beta", "duration 0" },
        { "beta", "duration 16" },
        { "beta", "ftp url" },
        { "beta", "empty prompt" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_validation_agrees_with_ContractRules(string channel, string @case)
    {
        var api = channel == "official" ? GeneratedApi.Official : GeneratedApi.Beta;
        var spec = channel == "official" ? TestSpecs.Official : TestSpecs.Beta;
        var request = Build(api, channel, @case);
        var contract = ContractParser.Parse(spec.Text, spec.Path).Contract!;

        Assert.True(PayloadJson.TryParse(ContractJson.ToJson(request), out var payload, out var error), error?.Message);
        var expected = ContractRules.Check(contract, (PayloadObject)payload!)
            .Where(v => v.IsRejected)
            .Select(v => (v.Code!.Value, v.Message, v.Path, v.Kind.ToString()));
        var actual = request.Validate().Select(v => (v.Code, v.Message, v.Path, v.Kind.ToString()));

        Assert.Equal(expected, actual);
    }

    private static IContractRequest Build(GeneratedApi api, string channel, string @case)
    {
        IContractRequest request = channel == "official" ? api.NewRequest("A prompt", new[] { Image }) : api.NewRequest(new object[] { new[] { Image } });
        return @case switch
        {
            "valid" => request,
            "empty prompt" => GeneratedApi.With(request, "Prompt", ""),
            "duration 2" => GeneratedApi.With(request, "Duration", 2),
            "duration 16" when channel == "official" => GeneratedApi.With(request, "Duration", 16),
            "duration 16" => GeneratedApi.With(request, "Duration", (int?)16),
            "duration 0" => GeneratedApi.With(request, "Duration", (int?)0),
            "two images" => GeneratedApi.With(request, "ImageUrls", new[] { Image, Image }),
            "data url" => GeneratedApi.With(request, "ImageUrls", new[] { "data:image/png;base64,AAAA" }),
            "ftp url" => GeneratedApi.With(request, "ImageUrls", new[] { "ftp://example.com/a.png" }),
            "no images" => GeneratedApi.With(request, "ImageUrls", Array.Empty<string>()),
            "everything wrong" => GeneratedApi.With(GeneratedApi.With(GeneratedApi.With(request, "Prompt", ""), "Duration", 99), "ImageUrls", new[] { "data:x", "file:///etc/passwd" }),
            _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, null),
        };
    }
}
