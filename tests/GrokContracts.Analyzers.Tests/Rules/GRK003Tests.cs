using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.CodeFixes.Rules;
using static GrokContracts.Analyzers.Tests.Infrastructure.PayloadSource;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>GRK003: a string that is not an allowed value; one fix per allowed value, the default first.</summary>
public sealed class GRK003Tests
{
    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_AutoOnOfficial(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("aspect_ratio", "{|#0:\"auto\"|}")), Verify.Diagnostic("GRK003").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_UnknownResolution(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("resolution", "{|#0:\"1080p\"|}")), Verify.Diagnostic("GRK003").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_ValuesAreCaseSensitive(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("resolution", "{|#0:\"720P\"|}")), Verify.Diagnostic("GRK003").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Negative_AllowedValues(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("aspect_ratio", "\"9:16\""), ("resolution", "\"720p\"")));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Negative_AutoOnBeta(PayloadContext context) =>
        Verify.Analyzer(Beta(context, ("aspect_ratio", "\"auto\"")));

    [Fact]
    public Task Positive_MessageListsAllowedValues() =>
        Verify.Analyzer(
            Official(PayloadContext.Anonymous, ("aspect_ratio", "{|#0:\"auto\"|}")),
            Verify.Diagnostic("GRK003").WithLocation(0).WithMessage(
                "aspect_ratio = \"auto\" is not allowed on grok-imagine-video-1.5-official (allowed: 16:9, 1:1, 9:16) (the API answers 20003 'invalid aspect_ratio')"));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Fix_DefaultFirst(PayloadContext context) =>
        Verify.CodeFix<AllowedValueFixer>(
            Official(context, ("aspect_ratio", "{|#0:\"auto\"|}")),
            Official(context, ("aspect_ratio", "\"16:9\"")),
            TestOptions.Default,
            codeActionIndex: 0,
            Verify.Diagnostic("GRK003").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Fix_OtherAllowedValue(PayloadContext context) =>
        Verify.CodeFix<AllowedValueFixer>(
            Official(context, ("aspect_ratio", "{|#0:\"auto\"|}")),
            Official(context, ("aspect_ratio", "\"9:16\"")),
            TestOptions.Default,
            codeActionIndex: 2,
            Verify.Diagnostic("GRK003").WithLocation(0));

    [Fact]
    public Task FixAll_UsesEachParametersDefault() =>
        Verify.FixAll<AllowedValueFixer>(
            new[] { Official(PayloadContext.Anonymous, ("aspect_ratio", "{|#0:\"auto\"|}"), ("resolution", "{|#1:\"1080p\"|}")) },
            new[] { Official(PayloadContext.Anonymous, ("aspect_ratio", "\"16:9\""), ("resolution", "\"480p\"")) },
            Verify.Diagnostic("GRK003").WithLocation(0),
            Verify.Diagnostic("GRK003").WithLocation(1));

    [Fact]
    public Task Positive_TypedApi_WireParse() =>
        Verify.Analyzer(Typed("AspectRatioWire.Parse({|#0:\"auto\"|})"), TestOptions.Generated, Verify.Diagnostic("GRK003").WithLocation(0));

    [Fact]
    public Task Negative_TypedApi_WireParse() =>
        Verify.Analyzer(Typed("AspectRatioWire.Parse(\"9:16\")"), TestOptions.Generated);

    [Fact]
    public Task Negative_TypedApi_AutoOnBeta() =>
        Verify.Analyzer(Typed("AspectRatioWire.Parse(\"auto\")", "GrokContracts.GrokImagineVideo15Beta"), TestOptions.Generated);

    [Fact]
    public Task Fix_TypedApi_WireParse() =>
        Verify.CodeFix<AllowedValueFixer>(
            Typed("ResolutionWire.Parse({|#0:\"1080p\"|})"),
            Typed("ResolutionWire.Parse(\"480p\")"),
            TestOptions.Generated,
            codeActionIndex: 0,
            Verify.Diagnostic("GRK003").WithLocation(0));
}
