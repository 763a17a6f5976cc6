using System;
using System.Collections.Generic;
using System.Linq;
using GrokContracts.Generators.Tests.TestSupport;

namespace GrokContracts.Generators.Tests;

/// <summary>The generated code, compiled and loaded, behaves as the reference says the API does.</summary>
public sealed class BehaviourTests
{
    private const string Prompt = "A slow dolly-in on a lighthouse at dusk";
    private const string Image = "https://example.com/lighthouse.png";

    private static GeneratedApi Official => GeneratedApi.Official;

    private static GeneratedApi Beta => GeneratedApi.Beta;

    private static IContractRequest OfficialRequest(string prompt = Prompt, params string[] images)
        => Official.NewRequest(prompt, images.Length == 0 ? new[] { Image } : images);

    [Fact]
    public void Official_request_writes_exactly_the_wire_json()
    {
        var request = OfficialRequest();
        Assert.Equal(
            "{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"A slow dolly-in on a lighthouse at dusk\",\"image_urls\":[\"https://example.com/lighthouse.png\"],"
            + "\"aspect_ratio\":\"16:9\",\"resolution\":\"480p\",\"duration\":8,\"audio\":true}",
            ContractJson.ToJson(request));
        Assert.Equal(ContractJson.ToJson(request), request.ToString());
        Assert.Equal("grok-imagine-video-1.5-official", request.ModelId);
        Assert.Empty(request.Validate());
    }

    [Fact]
    public void With_methods_return_modified_copies()
    {
        var request = OfficialRequest();
        var changed = GeneratedApi.With(GeneratedApi.With(GeneratedApi.With(request, "Duration", 12), "AspectRatio", Official.Enum("AspectRatio", "Portrait9x16")), "Audio", false);

        Assert.Equal(8, GeneratedApi.Get(request, "Duration"));
        Assert.Equal(
            "{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"A slow dolly-in on a lighthouse at dusk\",\"image_urls\":[\"https://example.com/lighthouse.png\"],"
            + "\"aspect_ratio\":\"9:16\",\"resolution\":\"480p\",\"duration\":12,\"audio\":false}",
            ContractJson.ToJson(changed));
    }

    [Fact]
    public void Constructor_copies_the_array_and_rejects_null()
    {
        var images = new[] { Image };
        var request = Official.NewRequest(Prompt, images);
        images[0] = "data:image/png;base64,AAAA";

        Assert.Empty(request.Validate());
        Assert.Throws<ArgumentNullException>(() => Official.NewRequest(null, images));
        Assert.Throws<ArgumentNullException>(() => Official.NewRequest(Prompt, null));
        Assert.Throws<ArgumentNullException>(() => GeneratedApi.With(request, "Prompt", null));
    }

    [Fact]
    public void Beta_request_omits_unset_optional_parameters()
    {
        var request = Beta.NewRequest(new object[] { new[] { Image } });
        Assert.Equal(
            "{\"model\":\"grok-imagine-video-1.5-beta\",\"image_urls\":[\"https://example.com/lighthouse.png\"],\"aspect_ratio\":\"16:9\",\"resolution\":\"480p\"}",
            ContractJson.ToJson(request));
        Assert.Null(GeneratedApi.Get(request, "Prompt"));
        Assert.Null(GeneratedApi.Get(request, "Duration"));
        Assert.Null(GeneratedApi.Get(request, "NsfwChecker"));
        Assert.Null(Beta.RequestType.GetProperty("Audio"));

        var full = GeneratedApi.With(GeneratedApi.With(GeneratedApi.With(GeneratedApi.With(request, "Prompt", "Zoom out"), "Duration", (int?)1), "NsfwChecker", (bool?)false),
            "AspectRatio", Beta.Enum("AspectRatio", "Auto"));
        Assert.Equal(
            "{\"model\":\"grok-imagine-video-1.5-beta\",\"prompt\":\"Zoom out\",\"image_urls\":[\"https://example.com/lighthouse.png\"],\"aspect_ratio\":\"auto\",\"resolution\":\"480p\",\"duration\":1,\"nsfw_checker\":false}",
            ContractJson.ToJson(full));
        Assert.Empty(full.Validate());

        var unset = GeneratedApi.With(full, "Duration", null);
        Assert.DoesNotContain("duration", ContractJson.ToJson(unset));
    }

    [Fact]
    public void Validate_reports_the_api_codes_and_messages()
    {
        AssertSingle(OfficialRequest(""), 20002, "prompt is required", "$.prompt", ContractViolationKind.Empty);
        AssertSingle(GeneratedApi.With(OfficialRequest(), "Duration", 2), 20003, "duration must be 3-15 seconds", "$.duration", ContractViolationKind.OutOfRange);
        AssertSingle(GeneratedApi.With(OfficialRequest(), "Duration", 16), 20003, "duration must be 3-15 seconds", "$.duration", ContractViolationKind.OutOfRange);
        AssertSingle(OfficialRequest(Prompt, Image, "https://example.com/2.png"), 20003, "image_urls allows at most 1 entry", "$.image_urls", ContractViolationKind.TooManyItems);
        AssertSingle(OfficialRequest(Prompt, "data:image/png;base64,AAAA"), 20003, "image_urls entries must be public http(s) URLs", "$.image_urls[0]", ContractViolationKind.BadFormat);
        AssertSingle(Official.NewRequest(Prompt, Array.Empty<string>()), 20002, "image_urls is required", "$.image_urls", ContractViolationKind.TooFewItems);
        AssertSingle(GeneratedApi.With(Beta.NewRequest(new object[] { new[] { Image } }), "Duration", (int?)16), 20003, "duration must be 1-15 seconds", "$.duration", ContractViolationKind.OutOfRange);
        Assert.Empty(GeneratedApi.With(Beta.NewRequest(new object[] { new[] { Image } }), "Duration", (int?)1).Validate());
    }

    [Fact]
    public void Validate_lists_every_violation_in_the_contract_order()
    {
        var request = GeneratedApi.With(OfficialRequest("", Image, "ftp://example.com/2.png"), "Duration", 0);
        var violations = request.Validate();

        Assert.Equal(["$.prompt", "$.image_urls", "$.duration", "$.image_urls[1]"], violations.Select(v => v.Path));
        var exception = Assert.Throws<ContractValidationException>(() => GeneratedApi.Call(request, "EnsureValid"));
        Assert.Equal(20002, exception.Code);
    }

    [Fact]
    public void Validate_reports_undefined_enum_values()
    {
        var request = GeneratedApi.With(OfficialRequest(), "Resolution", Enum.ToObject(Official.Type("Resolution"), 7));
        AssertSingle(request, 20003, "invalid resolution (allowed: 480p / 720p)", "$.resolution", ContractViolationKind.NotAllowed);
    }

    [Fact]
    public void Valid_request_validates_without_allocating()
    {
        var request = OfficialRequest();
        request.Validate();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var violations = request.Validate();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(violations);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Enum_wire_values_round_trip()
    {
        foreach (var (member, wire) in new[] { ("Square1x1", "1:1"), ("Landscape16x9", "16:9"), ("Portrait9x16", "9:16") })
        {
            var value = Official.Enum("AspectRatio", member);
            Assert.Equal(wire, Official.CallStatic("AspectRatioWire", "ToWireValue", value));
            Assert.Equal(value, Official.CallStatic("AspectRatioWire", "Parse", wire));
        }

        Assert.Equal("auto", Beta.CallStatic("AspectRatioWire", "ToWireValue", Beta.Enum("AspectRatio", "Auto")));
        var format = Assert.Throws<FormatException>(() => Official.CallStatic("AspectRatioWire", "Parse", "auto"));
        Assert.Contains("1:1, 16:9, 9:16", format.Message);
        Assert.Throws<FormatException>(() => Official.CallStatic("ResolutionWire", "Parse", "720P"));
        Assert.Throws<ArgumentNullException>(() => Official.CallStatic("ResolutionWire", "Parse", new object?[] { null }));

        var arguments = new object?[] { "720p", null };
        Assert.Equal(true, Official.CallStatic("ResolutionWire", "TryParse", arguments));
        Assert.Equal(Official.Enum("Resolution", "P720"), arguments[1]);
        Assert.Equal(false, Official.CallStatic("ResolutionWire", "TryParse", new object?[] { null, null }));
    }

    [Fact]
    public void Output_sizes_come_from_the_matrix()
    {
        Assert.Equal(new PixelSize(1280, 720), OutputSize(Official, "Landscape16x9", "P720"));
        Assert.Equal(new PixelSize(400, 736), OutputSize(Official, "Portrait9x16", "P480"));
        Assert.Equal(new PixelSize(544, 544), OutputSize(Beta, "Square1x1", "P480"));
        Assert.Null(OutputSize(Beta, "Auto", "P720"));
    }

    [Theory]
    [InlineData("0.05", "P720", 8, 800L)]
    [InlineData("0.05", "P480", 8, 400L)]
    [InlineData("0.0333", "P480", 8, 267L)]
    [InlineData("0.0001", "P480", 3, 1L)]
    [InlineData("0", "P720", 15, 0L)]
    public void Credits_are_estimated_with_decimal_ceiling(string rate, string resolution, int duration, long expected)
    {
        var request = GeneratedApi.With(GeneratedApi.With(OfficialRequest(), "Resolution", Official.Enum("Resolution", resolution)), "Duration", duration);
        var perSecond = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, (long?)Official.CallStatic("GrokImagineVideo15OfficialChannel", "EstimateCredits", request, perSecond));
    }

    [Fact]
    public void Beta_credits_are_unknown_without_duration()
    {
        var request = Beta.NewRequest(new object[] { new[] { Image } });
        Assert.Null(Beta.CallStatic("GrokImagineVideo15BetaChannel", "EstimateCredits", request, 0.08m));
        Assert.Equal(1280L, Beta.CallStatic("GrokImagineVideo15BetaChannel", "EstimateCredits", GeneratedApi.With(request, "Duration", (int?)8), 0.16m));
    }

    [Fact]
    public void Channel_facts_are_constants()
    {
        var channel = Official.Type("GrokImagineVideo15OfficialChannel");
        object? Const(string name) => channel.GetField(name)!.GetValue(null);

        Assert.Equal("grok-imagine-video-1.5-official", Const("ModelId"));
        Assert.Equal("https://reapi.ai", Const("BaseUrl"));
        Assert.Equal("/api/v1/videos/generations", Const("SubmitPath"));
        Assert.Equal("/api/v1/tasks/{id}", Const("PollPath"));
        Assert.Equal(3, Const("DurationMinimum"));
        Assert.Equal(15, Const("DurationMaximum"));
        Assert.Equal(8, Const("DurationDefault"));
        Assert.Equal(1, Const("ImageUrlsMaxItems"));
        Assert.Equal(true, Const("AudioDefault"));
        Assert.Equal(TimeSpan.FromDays(7), Const("VideoUrlsValidFor"));
        Assert.Equal("/api/v1/tasks/task%2F1", Official.CallStatic("GrokImagineVideo15OfficialChannel", "FormatPollPath", "task/1"));
        Assert.Null(Beta.Type("GrokImagineVideo15BetaChannel").GetField("DurationDefault"));
    }

    private static PixelSize? OutputSize(GeneratedApi api, string aspectRatio, string resolution)
    {
        var arguments = new object?[] { api.Enum("AspectRatio", aspectRatio), api.Enum("Resolution", resolution), null };
        var channel = api.Namespace.EndsWith("Official", StringComparison.Ordinal) ? "GrokImagineVideo15OfficialChannel" : "GrokImagineVideo15BetaChannel";
        return (bool)api.CallStatic(channel, "TryGetOutputSize", arguments)! ? (PixelSize)arguments[2]! : null;
    }

    private static void AssertSingle(IContractRequest request, int code, string message, string path, ContractViolationKind kind)
    {
        var violation = Assert.Single(request.Validate());
        Assert.Equal((code, message, path, kind), (violation.Code, violation.Message, violation.Path, violation.Kind));
    }
}
