using System;
using System.Collections.Generic;
using Acme.Motion;
using GrokContracts.GrokImagineVideo15Official;
using Official = GrokContracts.GrokImagineVideo15Official;

namespace GrokContracts.Tests;

/// <summary>
/// A channel's price has one formula, the descriptor's <see cref="ChannelPricing.EstimateCredits"/> over wire values
/// (what run-time tools use); the generated, typed <c>EstimateCredits(request, rate)</c> hands it the request's
/// properties as wire values. A wrong mapping (a property read as the wrong word, a multiplier dropped) shows here:
/// both paths must agree on every combination.
/// </summary>
public sealed class PricingAgreementTests
{
    [Theory]
    [InlineData(0.05)]
    [InlineData(0.0137)]
    public void The_official_channels_two_price_computations_agree(double rate)
    {
        var perSecond = (decimal)rate;
        var pricing = Official.GrokImagineVideo15OfficialChannel.Descriptor.Pricing!;
        foreach (var resolution in new[] { Official.Resolution.P480, Official.Resolution.P720 })
        {
            for (var seconds = 3; seconds <= 15; seconds++)
            {
                var request = new Official.VideoGenerationRequest("p", "https://example.com/i.png").WithResolution(resolution).WithDuration(seconds);
                var wire = new Dictionary<string, string> { ["resolution"] = resolution.ToWireValue() };

                Assert.Equal(
                    Official.GrokImagineVideo15OfficialChannel.EstimateCredits(request, perSecond),
                    pricing.EstimateCredits(perSecond, seconds, name => wire.TryGetValue(name, out var v) ? v : null));
            }
        }
    }

    [Fact]
    public void A_channel_with_a_fixed_rate_agrees_too()
    {
        var pricing = AcmeMotion2Channel.Descriptor.Pricing!;
        foreach (var style in new[] { "film", "anime", "clay" })
        {
            var request = new MotionRequest("a kite").WithSeconds(7).WithStyle(StyleWire.Parse(style));

            Assert.Equal(
                AcmeMotion2Channel.EstimateCredits(request),
                pricing.EstimateCredits(pricing.PerSecondUsd!.Value, 7, name => name == "style" ? style : null));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => pricing.EstimateCredits(-1m, 7, _ => null));
    }
}
