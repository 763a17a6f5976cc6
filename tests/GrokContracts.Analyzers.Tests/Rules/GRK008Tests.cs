using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.CodeFixes.Rules;
using static GrokContracts.Analyzers.Tests.Infrastructure.PayloadSource;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>GRK008: a model id close to a known contract (only GRK008; nothing else is judged); fix uses the known id.</summary>
public sealed class GRK008Tests
{
    private static readonly (string, V)[] Members = { ("prompt", "\"A cat\""), ("image_urls", V.Array(Image)), ("duration", "99") };

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_Typo(PayloadContext context) =>
        Verify.Analyzer(Source(context, "grok-imagine-video-1.5-oficial", Members, modelMarkup: "#0"), Verify.Diagnostic("GRK008").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Negative_UnrelatedModelIsNeverReported(PayloadContext context) =>
        Verify.Analyzer(Source(context, "gpt-image-1", Members));

    [Fact]
    public Task Negative_NoSpecsNoDiagnostics() =>
        Verify.Analyzer(Official(PayloadContext.Anonymous, ("duration", "99")), new TestOptions { WithSpecs = false });

    [Fact]
    public Task Positive_Message() =>
        Verify.Analyzer(
            Source(PayloadContext.Anonymous, "grok-imagine-video-1.5-betta", Members, modelMarkup: "#0"),
            Verify.Diagnostic("GRK008").WithLocation(0).WithMessage(
                "model = \"grok-imagine-video-1.5-betta\" is not a known contract; did you mean \"grok-imagine-video-1.5-beta\"?"));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Fix_UsesKnownId(PayloadContext context) =>
        Verify.CodeFix<ModelIdFixer>(
            Source(context, "grok-imagine-video-1.5-oficial", new (string, V)[] { ("prompt", "\"A cat\""), ("image_urls", V.Array(Image)) }, modelMarkup: "#0"),
            Source(context, OfficialModel, new (string, V)[] { ("prompt", "\"A cat\""), ("image_urls", V.Array(Image)) }),
            Verify.Diagnostic("GRK008").WithLocation(0));

    [Fact]
    public Task FixAll_AcrossDocuments() =>
        Verify.FixAll<ModelIdFixer>(
            new[]
            {
                Source(PayloadContext.Anonymous, "grok-imagine-video-1.5-oficial", new (string, V)[] { ("prompt", "\"A cat\""), ("image_urls", V.Array(Image)) }, modelMarkup: "#0").Replace("Payloads", "A"),
                Source(PayloadContext.JsonRegular, "grok-imagine-video-1.5-offical", new (string, V)[] { ("prompt", "\"A cat\""), ("image_urls", V.Array(Image)) }, modelMarkup: "#1").Replace("Payloads", "B"),
            },
            new[]
            {
                Source(PayloadContext.Anonymous, OfficialModel, new (string, V)[] { ("prompt", "\"A cat\""), ("image_urls", V.Array(Image)) }).Replace("Payloads", "A"),
                Source(PayloadContext.JsonRegular, OfficialModel, new (string, V)[] { ("prompt", "\"A cat\""), ("image_urls", V.Array(Image)) }).Replace("Payloads", "B"),
            },
            Verify.Diagnostic("GRK008").WithLocation(0),
            Verify.Diagnostic("GRK008").WithLocation(1));
}
