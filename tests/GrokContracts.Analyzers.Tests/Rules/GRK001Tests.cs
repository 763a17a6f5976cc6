using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.CodeFixes.Rules;
using static GrokContracts.Analyzers.Tests.Infrastructure.PayloadSource;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>GRK001: numeric constant outside the contract's range; fix clamps to the nearest bound.</summary>
public sealed class GRK001Tests
{
    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_DurationAboveMaximum(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("duration", "{|#0:20|}")), Verify.Diagnostic("GRK001").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_DurationBelowMinimum(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("duration", "{|#0:2|}")), Verify.Diagnostic("GRK001").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Negative_DurationInRange(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("duration", "15")));

    [Fact]
    public Task Positive_MessageNamesParameterValueRuleAndApiAnswer() =>
        Verify.Analyzer(
            Official(PayloadContext.Anonymous, ("duration", "{|#0:20|}")),
            Verify.Diagnostic("GRK001").WithLocation(0).WithMessage(
                "duration = 20 is outside 3-15 on grok-imagine-video-1.5-official (the API answers 20003 'duration must be 3-15 seconds')"));

    [Fact]
    public Task Positive_FoldedConstant() =>
        Verify.Analyzer(
            """
            public static class Payloads
            {
                private const int TooLong = 20;

                public static object Create() => new
                {
                    model = "grok-imagine-video-1.5-official",
                    prompt = "A cat",
                    image_urls = new[] { "https://cdn.example.com/cat.png" },
                    duration = {|#0:TooLong - 1 + 1|},
                };
            }
            """,
            Verify.Diagnostic("GRK001").WithLocation(0));

    [Fact]
    public Task Negative_NonConstantIsNotGuessed() =>
        Verify.Analyzer(
            """
            public static class Payloads
            {
                public static object Create(int seconds) => new
                {
                    model = "grok-imagine-video-1.5-official",
                    prompt = "A cat",
                    image_urls = new[] { "https://cdn.example.com/cat.png" },
                    duration = seconds * 10,
                };
            }
            """);

    [Fact]
    public Task Negative_BetaAllowsOneSecond() =>
        Verify.Analyzer(Beta(PayloadContext.Anonymous, ("duration", "1")));

    [Fact]
    public Task Positive_BetaRangeComesFromBetaSpec() =>
        Verify.Analyzer(Beta(PayloadContext.JsonRaw, ("duration", "{|#0:0|}")), Verify.Diagnostic("GRK001").WithLocation(0));

    [Theory]
    [MemberData(nameof(CSharp73Contexts))]
    public Task Positive_CSharp73(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("duration", "{|#0:20|}")), TestOptions.CSharp73, Verify.Diagnostic("GRK001").WithLocation(0));

    [Fact]
    public Task Negative_NullableDisabled() =>
        Verify.Analyzer(Official(PayloadContext.Anonymous, ("duration", "8")), TestOptions.NullableDisabled);

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Fix_ClampsToMaximum(PayloadContext context) =>
        Verify.CodeFix<ClampToRangeFixer>(
            Official(context, ("duration", "{|#0:20|}")),
            Official(context, ("duration", "15")),
            Verify.Diagnostic("GRK001").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Fix_ClampsToMinimum(PayloadContext context) =>
        Verify.CodeFix<ClampToRangeFixer>(
            Official(context, ("duration", "{|#0:-4|}")),
            Official(context, ("duration", "3")),
            Verify.Diagnostic("GRK001").WithLocation(0));

    [Fact]
    public Task FixAll_AcrossDocuments() =>
        Verify.FixAll<ClampToRangeFixer>(
            new[]
            {
                Official(PayloadContext.Anonymous, ("duration", "{|#0:20|}")).Replace("Payloads", "A"),
                Official(PayloadContext.JsonRaw, ("duration", "{|#1:1|}")).Replace("Payloads", "B"),
                Official(PayloadContext.DictionaryIndexer, ("duration", "{|#2:99|}")).Replace("Payloads", "C"),
            },
            new[]
            {
                Official(PayloadContext.Anonymous, ("duration", "15")).Replace("Payloads", "A"),
                Official(PayloadContext.JsonRaw, ("duration", "3")).Replace("Payloads", "B"),
                Official(PayloadContext.DictionaryIndexer, ("duration", "15")).Replace("Payloads", "C"),
            },
            Verify.Diagnostic("GRK001").WithLocation(0),
            Verify.Diagnostic("GRK001").WithLocation(1),
            Verify.Diagnostic("GRK001").WithLocation(2));

    public static TheoryData<PayloadContext> CSharp73Contexts()
    {
        var data = new TheoryData<PayloadContext>();
        foreach (var context in PayloadSource.CSharp73)
        {
            data.Add(context);
        }

        return data;
    }

    [Fact]
    public Task Positive_TypedApi_WithDuration() =>
        Verify.Analyzer(
            Typed("new VideoGenerationRequest(\"A cat\", \"https://cdn.example.com/cat.png\").WithDuration({|#0:20|})"),
            TestOptions.Generated,
            Verify.Diagnostic("GRK001").WithLocation(0));

    [Fact]
    public Task Negative_TypedApi_WithDuration() =>
        Verify.Analyzer(Typed("new VideoGenerationRequest(\"A cat\", \"https://cdn.example.com/cat.png\").WithDuration(10)"), TestOptions.Generated);

    [Fact]
    public Task Negative_TypedApi_BetaStartsAtOne() =>
        Verify.Analyzer(Typed("new VideoGenerationRequest(\"https://cdn.example.com/cat.png\").WithDuration(1)", "GrokContracts.GrokImagineVideo15Beta"), TestOptions.Generated);

    [Fact]
    public Task Fix_TypedApi_Clamps() =>
        Verify.CodeFix<ClampToRangeFixer>(
            Typed("new VideoGenerationRequest(\"A cat\", \"https://cdn.example.com/cat.png\").WithDuration({|#0:2|})"),
            Typed("new VideoGenerationRequest(\"A cat\", \"https://cdn.example.com/cat.png\").WithDuration(3)"),
            TestOptions.Generated,
            codeActionIndex: null,
            Verify.Diagnostic("GRK001").WithLocation(0));
}
