using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using static GrokContracts.Analyzers.Tests.Infrastructure.PayloadSource;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>GRK004: a required parameter missing or empty (reported on the value, or on the model when absent).</summary>
public sealed class GRK004Tests
{
    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_PromptMissing(PayloadContext context) =>
        Verify.Analyzer(
            Source(context, OfficialModel, new (string, V)[] { ("image_urls", V.Array(Image)) }, modelMarkup: "#0"),
            Verify.Diagnostic("GRK004").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_PromptEmpty(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("prompt", "{|#0:\"\"|}")), Verify.Diagnostic("GRK004").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_ImageUrlsMissing(PayloadContext context) =>
        Verify.Analyzer(
            Source(context, OfficialModel, new (string, V)[] { ("prompt", "\"A cat\"") }, modelMarkup: "#0"),
            Verify.Diagnostic("GRK004").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Negative_AllRequiredPresent(PayloadContext context) =>
        Verify.Analyzer(Official(context));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Negative_BetaPromptIsOptional(PayloadContext context) =>
        Verify.Analyzer(Beta(context));

    [Fact]
    public Task Negative_NonConstantCountsAsPresent() =>
        Verify.Analyzer(
            """
            public static class Payloads
            {
                public static object Create(string prompt, string[] images) => new
                {
                    model = "grok-imagine-video-1.5-official",
                    prompt,
                    image_urls = images,
                };
            }
            """);

    [Fact]
    public Task Positive_PromptNull() =>
        Verify.Analyzer(
            Official(PayloadContext.JsonRaw, ("prompt", "{|#0:null|}")),
            Verify.Diagnostic("GRK004").WithLocation(0));

    [Fact]
    public Task Positive_MessageNamesParameter() =>
        Verify.Analyzer(
            Source(PayloadContext.Anonymous, OfficialModel, new (string, V)[] { ("image_urls", V.Array(Image)) }, modelMarkup: "#0"),
            Verify.Diagnostic("GRK004").WithLocation(0).WithMessage(
                "prompt is required on grok-imagine-video-1.5-official but the payload does not set it (the API answers 20002 'prompt is required')"));

    [Fact]
    public Task Positive_TypedApi_EmptyPrompt() =>
        Verify.Analyzer(
            Typed("new VideoGenerationRequest({|#0:\"\"|}, \"https://cdn.example.com/cat.png\")"),
            TestOptions.Generated,
            Verify.Diagnostic("GRK004").WithLocation(0));

    [Fact]
    public Task Negative_TypedApi_Prompt() =>
        Verify.Analyzer(Typed("new VideoGenerationRequest(\"A cat\", \"https://cdn.example.com/cat.png\")"), TestOptions.Generated);
}
