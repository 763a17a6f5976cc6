using System.Linq;

namespace GrokContracts.Spec.Tests;

public class ShippedSpecTests
{
    [Fact]
    public void Official_parses_into_the_reference_contract()
    {
        var result = ContractParser.Parse(SpecFiles.Official, SpecFiles.OfficialName);
        Assert.Empty(result.Diagnostics);
        var contract = result.Contract!;
        Assert.Equal("grok-imagine-video-1.5-official", contract.ModelId);
        Assert.Equal("grok-imagine-video-1.5-official", result.ModelId);
        Assert.Equal(new SpecPosition(5, 8), result.ModelIdSpan!.Value.Start);
        Assert.Null(contract.Namespace);
        Assert.Equal("VideoGenerationRequest", contract.RequestTypeName);
        Assert.Equal(new ContractEndpoints("https://reapi.ai", new Endpoint("POST", "/api/v1/videos/generations"), new Endpoint("GET", "/api/v1/tasks/{id}")), contract.Endpoints);
        Assert.Equal(new[] { "prompt", "image_urls", "aspect_ratio", "resolution", "duration", "audio" }, contract.Parameters.Select(p => p.Name));
        Assert.Equal(new[] { "Prompt", "ImageUrls", "AspectRatio", "Resolution", "Duration", "Audio" }, contract.Parameters.Select(p => p.PropertyName));

        var prompt = contract.FindParameter("prompt")!;
        Assert.True(prompt.Required);
        Assert.True(prompt.NonEmpty);
        Assert.Equal(ParameterType.String, prompt.Type);

        var images = contract.FindParameter("image_urls")!;
        Assert.Equal(ParameterType.StringArray, images.Type);
        Assert.Equal(1, images.MinItems);
        Assert.Equal(1, images.MaxItems);
        Assert.Equal(StringFormat.PublicHttpUrl, images.Format);

        var aspect = contract.FindParameter("aspect_ratio")!;
        Assert.Equal("AspectRatio", aspect.EnumName);
        Assert.Equal(ContractValue.FromString("16:9"), aspect.Default);
        Assert.Equal(new[] { "1:1", "16:9", "9:16" }, aspect.AllowedValues.Select(v => v.Value));
        Assert.Equal(new[] { "Square1x1", "Landscape16x9", "Portrait9x16" }, aspect.AllowedValues.Select(v => v.MemberName));

        var duration = contract.FindParameter("duration")!;
        Assert.Equal(ParameterType.Integer, duration.Type);
        Assert.Equal(ContractValue.FromNumber(8), duration.Default);
        Assert.Equal(3m, duration.Minimum);
        Assert.Equal(15m, duration.Maximum);
        Assert.Equal("seconds", duration.Unit);
        Assert.Equal("duration must be {minimum}-{maximum} seconds", Assert.Single(duration.Errors).Message);

        var audio = contract.FindParameter("audio")!;
        Assert.Equal(ContractValue.FromBoolean(true), audio.Default);
        Assert.Null(contract.FindParameter("nsfw_checker"));

        Assert.Equal(20002, contract.FindError(ViolationKind.Missing)!.Code);
        Assert.Equal(20003, contract.FindError(ViolationKind.TooManyItems)!.Code);
        Assert.Null(contract.FindError(ViolationKind.UnknownParameter)!.Code);

        Assert.Equal(System.TimeSpan.FromDays(7), contract.Output!.VideoUrlsValidFor);
        Assert.Equal(6, contract.Output.PixelSizes!.Entries.Count);
        Assert.Contains(new PixelSizeEntry("9:16", "720p", 720, 1280), contract.Output.PixelSizes.Entries);
        Assert.Null(contract.Pricing!.PerSecondUsd);
        Assert.Equal("duration", contract.Pricing.PerParameter);
        Assert.Equal(0.001m, contract.Pricing.CreditUsd);
        Assert.Contains(new PriceMultiplier("resolution", "720p", 2m), contract.Pricing.Multipliers);
        Assert.True(contract.Pricing.RefundsFailed);
        Assert.Equal(
            new[] { new TaskStatusSpec("processing", TaskOutcome.Pending), new TaskStatusSpec("completed", TaskOutcome.Succeeded), new TaskStatusSpec("failed", TaskOutcome.Failed) },
            contract.Statuses);
        Assert.Equal(
            new[]
            {
                new PollingPhase(System.TimeSpan.FromMinutes(5), System.TimeSpan.FromSeconds(5), false),
                new PollingPhase(System.TimeSpan.FromHours(1), System.TimeSpan.FromMinutes(1), true),
                new PollingPhase(null, System.TimeSpan.FromMinutes(3), false),
            },
            contract.Polling!.Phases);
        Assert.Equal(System.TimeSpan.FromHours(48), contract.Polling.Timeout);
    }

    [Fact]
    public void Official_validation_order_is_fully_resolved()
    {
        var order = SpecFiles.OfficialContract.ValidationOrder.Select(s => s.Parameter + "." + s.Check.ToString().ToLowerInvariant());
        Assert.Equal(
            new[]
            {
                // listed in the spec
                "prompt.required", "image_urls.required", "image_urls.items", "duration.range", "resolution.allowed",
                "aspect_ratio.allowed", "image_urls.format",
                // then every applicable remaining check, in parameter order
                "prompt.type", "image_urls.type", "aspect_ratio.type", "resolution.type", "duration.type", "audio.type",
            },
            order);
    }

    [Fact]
    public void Beta_differs_as_the_reference_states()
    {
        var contract = SpecFiles.BetaContract;
        Assert.Equal("grok-imagine-video-1.5-beta", contract.ModelId);
        var prompt = contract.FindParameter("prompt")!;
        Assert.False(prompt.Required);
        Assert.False(prompt.NonEmpty);
        Assert.NotNull(contract.FindParameter("aspect_ratio")!.FindAllowedValue("auto"));
        var duration = contract.FindParameter("duration")!;
        Assert.Equal(1m, duration.Minimum);
        Assert.Equal(15m, duration.Maximum);
        Assert.Null(duration.Default);
        Assert.Equal(ParameterType.Boolean, contract.FindParameter("nsfw_checker")!.Type);
        Assert.Null(contract.FindParameter("audio")!);
        Assert.DoesNotContain(contract.ValidationOrder, s => s.Parameter == "prompt" && s.Check == ValidationCheck.Required);
    }
}
