using System.Linq;
using GrokContracts.Cli.Specs;
using Beta = GrokContracts.GrokImagineVideo15Beta;
using Official = GrokContracts.GrokImagineVideo15Official;

namespace GrokContracts.Cli.Tests;

/// <summary>
/// The CLI builds channel descriptors from specs it loads at run time; the generator writes them for specs it compiles.
/// Both read the same spec, so they must agree field by field (the CLI assembly compiles the shipped specs too).
/// </summary>
public sealed class SpecChannelsTests
{
    [Fact]
    public void The_run_time_descriptor_of_a_shipped_spec_equals_the_generated_one()
    {
        foreach (var (modelId, generated) in new[]
        {
            (Official.GrokImagineVideo15OfficialChannel.ModelId, Official.GrokImagineVideo15OfficialChannel.Descriptor),
            (Beta.GrokImagineVideo15BetaChannel.ModelId, Beta.GrokImagineVideo15BetaChannel.Descriptor),
        })
        {
            var contract = SpecSources.FindShipped(modelId)!;

            Assert.Equal(Describe(generated), Describe(SpecChannels.ToDescriptor(contract)));
        }
    }

    [Fact]
    public void A_spec_without_task_and_polling_gets_the_outcome_words_and_no_schedule()
    {
        var result = GrokContracts.Spec.ContractParser.Parse(
            "model: bare-1\nsummary: Bare.\nendpoints:\n  baseUrl: https://bare.test\n  submit: { method: POST, path: /jobs }\n  poll: { method: GET, path: \"/jobs/{id}\" }\nparameters:\n  text: { type: string }\n",
            "bare.yaml");

        var descriptor = SpecChannels.ToDescriptor(result.Contract!);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["pending = Processing", "succeeded = Completed", "failed = Failed"], descriptor.Statuses.Select(s => s.ToString()));
        Assert.Null(descriptor.Polling);
        Assert.Equal(VideoTaskStatus.Unknown, descriptor.ParseStatus("processing")); // no reAPI word by default
    }

    private static string Describe(ChannelDescriptor d) => string.Join(
        "\n",
        d.ModelId,
        d.BaseUrl,
        d.Submit,
        d.Poll,
        string.Join(", ", d.Statuses),
        d.Polling?.ToString() ?? "no polling",
        d.VideoUrlsValidFor?.ToString() ?? "no URL lifetime",
        d.Pricing is null ? "no pricing" : $"{d.Pricing.PerSecondUsd}/{d.Pricing.PerParameter}/{d.Pricing.CreditUsd}/{d.Pricing.RefundsFailed}/"
            + string.Join(",", d.Pricing.Multipliers.Select(m => m.Parameter + "=" + m.Value + "x" + m.Multiplier)));
}
