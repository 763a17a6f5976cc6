using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.CodeFixes.Rules;
using static GrokContracts.Analyzers.Tests.Infrastructure.PayloadSource;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>GRK002: a constant of the wrong JSON type; fix converts the literal.</summary>
public sealed class GRK002Tests
{
    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_DurationAsString(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("duration", "{|#0:\"8\"|}")), Verify.Diagnostic("GRK002").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_AudioAsString(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("audio", "{|#0:\"false\"|}")), Verify.Diagnostic("GRK002").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_PromptAsNumber(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("prompt", "{|#0:42|}")), Verify.Diagnostic("GRK002").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Negative_RightTypes(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("duration", "8"), ("audio", "false")));

    [Fact]
    public Task Positive_MessageNamesTypes() =>
        Verify.Analyzer(
            Official(PayloadContext.Anonymous, ("duration", "{|#0:\"8\"|}")),
            Verify.Diagnostic("GRK002").WithLocation(0).WithMessage(
                "duration = \"8\" is a JSON string but grok-imagine-video-1.5-official expects a JSON integer (the API answers 20003 'duration must be a JSON integer')"));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Fix_StringToNumber(PayloadContext context) =>
        Verify.CodeFix<ConvertValueTypeFixer>(
            Official(context, ("duration", "{|#0:\"8\"|}")),
            Official(context, ("duration", "8")),
            Verify.Diagnostic("GRK002").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Fix_StringToBoolean(PayloadContext context) =>
        Verify.CodeFix<ConvertValueTypeFixer>(
            Official(context, ("audio", "{|#0:\"false\"|}")),
            Official(context, ("audio", "false")),
            Verify.Diagnostic("GRK002").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Fix_NumberToString(PayloadContext context) =>
        Verify.CodeFix<ConvertValueTypeFixer>(
            Official(context, ("prompt", "{|#0:42|}")),
            Official(context, ("prompt", "\"42\"")),
            Verify.Diagnostic("GRK002").WithLocation(0));

    [Fact]
    public Task FixAll_InDocument() =>
        Verify.FixAll<ConvertValueTypeFixer>(
            new[] { Official(PayloadContext.JsonRegular, ("duration", "{|#0:\"8\"|}"), ("audio", "{|#1:\"true\"|}")) },
            new[] { Official(PayloadContext.JsonRegular, ("duration", "8"), ("audio", "true")) },
            Verify.Diagnostic("GRK002").WithLocation(0),
            Verify.Diagnostic("GRK002").WithLocation(1));
}
