using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CsCheck;
using GrokContracts.Generators.Tests.TestSupport;
using GrokContracts.Robustness.Tests.Support;
using GrokContracts.Spec;
using Xunit.Abstractions;

namespace GrokContracts.Robustness.Tests.Differential;

/// <summary>
/// Issue 6 item 9: on thousands of random typed requests (boundary and invalid values included), the generated
/// <c>Validate()</c> and <see cref="ContractRules.Check"/> on the request's own <c>ToJson()</c> report the same
/// violations: same verdict, same codes in the same order, same messages, paths and kinds. The hand-picked cases
/// live in the generator tests' <c>RulesAgreementTests</c>; this is the random sweep.
/// </summary>
public sealed class ValidateAgreesWithContractRulesTests(ITestOutputHelper output)
{
    private const int Iterations = 2_000;

    /// <summary>Every kind of URL the rules tell apart: valid, data:, ftp:, file:, relative, loopback-ish and malformed.</summary>
    private static readonly string[] UrlPool =
    [
        "https://cdn.example.com/cat.png",
        "http://example.com/a.jpg",
        "https://example.com:8443/path/b.webp?x=1",
        "data:image/png;base64,AAAA",
        "ftp://example.com/a.png",
        "file:///etc/passwd",
        "/relative/a.png",
        "a.png",
        "",
        " ",
        "https://",
        "https://exa mple.com/a.png",
        "https://example.com:99999/a.png",
        "https://example.com\\a.png",
        "HTTPS://EXAMPLE.COM/A.PNG",
    ];

    private static readonly string[] PromptPool = ["", " ", "A cat walks", "\u00e9\u00e8 \ud83d\udc08 \u4e2d\u6587", "\"quoted\" \\ back\nslash", new string('x', 5000)];

    [Fact]
    public void Official_channel_agrees_on_random_requests() => Sweep("official", GeneratedApi.Official, TestSpecs.Official);

    [Fact]
    public void Beta_channel_agrees_on_random_requests() => Sweep("beta", GeneratedApi.Beta, TestSpecs.Beta);

    private void Sweep(string channel, GeneratedApi api, SpecInput spec)
    {
        var contract = ContractParser.Parse(spec.Text, spec.Path).Contract!;
        var aspectRatios = Enum.GetValues(api.Type("AspectRatio")).Cast<object>().ToArray();
        var resolutions = Enum.GetValues(api.Type("Resolution")).Cast<object>().ToArray();
        var beta = channel == "beta";

        var urls = Gen.Frequency((3, Gen.Const(UrlPool[0])), (4, Gen.OneOfConst(UrlPool)));
        var gen =
            from prompt in Gen.OneOfConst(beta ? [.. PromptPool, null] : PromptPool.Cast<string?>().ToArray())
            from imageCount in Gen.Frequency((1, Gen.Const(0)), (5, Gen.Const(1)), (1, Gen.Int[2, 3]))
            from images in urls.Array[imageCount]
            from aspectRatio in Gen.OneOfConst(aspectRatios)
            from resolution in Gen.OneOfConst(resolutions)
            from duration in beta ? Gen.Frequency((1, Gen.Const((int?)null)), (6, Gen.Int[-5, 25].Select(d => (int?)d))) : Gen.Int[-5, 25].Select(d => (int?)d)
            from toggle in beta ? Gen.OneOfConst<bool?>(null, true, false) : Gen.OneOfConst<bool?>(true, false)
            select new Inputs(prompt, images, aspectRatio, resolution, duration, toggle);

        int valid = 0, rejected = 0;
        var seed = RobustnessSeed.Choose(output);
        gen.Sample(
            inputs =>
            {
                var outcome = Agreement.AssertAgree(contract, Build(api, beta, inputs), inputs.ToString());
                Interlocked.Increment(ref outcome.Actual.Count == 0 ? ref valid : ref rejected);
            },
            iter: Iterations * RobustnessScale.Factor,
            threads: 1,
            seed: seed,
            print: inputs => inputs.ToString());

        output.WriteLine($"{channel}: {valid + rejected} random requests ({valid} valid, {rejected} rejected), all in agreement");
        // The generator must reach both verdicts often enough for the agreement to mean something.
        Assert.True(valid >= (valid + rejected) / 50, RobustnessSeed.With(seed, $"only {valid} valid requests"));
        Assert.True(rejected >= (valid + rejected) / 2, RobustnessSeed.With(seed, $"only {rejected} rejected requests"));
    }

    private static IContractRequest Build(GeneratedApi api, bool beta, Inputs inputs)
    {
        var request = beta ? api.NewRequest(new object[] { inputs.Images }) : api.NewRequest(inputs.Prompt!, inputs.Images);
        if (beta)
        {
            request = GeneratedApi.With(request, "Prompt", inputs.Prompt);
            request = GeneratedApi.With(request, "Duration", inputs.Duration);
            request = GeneratedApi.With(request, "NsfwChecker", inputs.Toggle);
        }
        else
        {
            request = GeneratedApi.With(request, "Duration", inputs.Duration!.Value);
            request = GeneratedApi.With(request, "Audio", inputs.Toggle!.Value);
        }

        request = GeneratedApi.With(request, "AspectRatio", inputs.AspectRatio);
        return GeneratedApi.With(request, "Resolution", inputs.Resolution);
    }

    private sealed record Inputs(string? Prompt, string[] Images, object AspectRatio, object Resolution, int? Duration, bool? Toggle)
    {
        public override string ToString() =>
            $"prompt={(Prompt is null ? "null" : "\"" + (Prompt.Length > 40 ? Prompt[..40] + "…" : Prompt) + "\"")}, images=[{string.Join(", ", Images)}], "
            + $"aspect_ratio={AspectRatio}, resolution={Resolution}, duration={Duration?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}, toggle={Toggle?.ToString() ?? "null"}";
    }
}
