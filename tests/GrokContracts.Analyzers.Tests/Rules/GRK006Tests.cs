using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.CodeFixes.Rules;
using static GrokContracts.Analyzers.Tests.Infrastructure.PayloadSource;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>GRK006: too many items (reported on the array); fix keeps the first entry.</summary>
public sealed class GRK006Tests
{
    private const string Second = "\"https://cdn.example.com/dog.png\"";

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_TwoImages(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("image_urls", Marked(V.Array(Image, Second)))), Verify.Diagnostic("GRK006").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Negative_OneImage(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("image_urls", V.Array(Image))));

    [Fact]
    public Task Positive_MessageCountsEntries() =>
        Verify.Analyzer(
            Official(PayloadContext.Anonymous, ("image_urls", Marked(V.Array(Image, Second, Second)))),
            Verify.Diagnostic("GRK006").WithLocation(0).WithMessage(
                "image_urls has 3 entries but grok-imagine-video-1.5-official allows at most 1 (the API answers 20003 'image_urls allows at most 1 entry')"));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Fix_KeepsFirst(PayloadContext context) =>
        Verify.CodeFix<KeepFirstItemFixer>(
            Official(context, ("image_urls", Marked(V.Array(Image, Second)))),
            Official(context, ("image_urls", V.Array(Image))),
            Verify.Diagnostic("GRK006").WithLocation(0));

    [Fact]
    public Task Fix_KeepsFirstInMultiLineArray() =>
        Verify.CodeFix<KeepFirstItemFixer>(
            """
            public static class Payloads
            {
                public static object Create() => new
                {
                    model = "grok-imagine-video-1.5-official",
                    prompt = "A cat",
                    image_urls = {|#0:new[]
                    {
                        "https://cdn.example.com/cat.png",
                        "https://cdn.example.com/dog.png",
                    }|},
                };
            }
            """,
            """
            public static class Payloads
            {
                public static object Create() => new
                {
                    model = "grok-imagine-video-1.5-official",
                    prompt = "A cat",
                    image_urls = new[]
                    {
                        "https://cdn.example.com/cat.png",
                    },
                };
            }
            """,
            Verify.Diagnostic("GRK006").WithLocation(0));

    [Fact]
    public Task FixAll_AcrossDocuments() =>
        Verify.FixAll<KeepFirstItemFixer>(
            new[]
            {
                Official(PayloadContext.Anonymous, ("image_urls", Marked(V.Array(Image, Second), "#0"))).Replace("Payloads", "A"),
                Official(PayloadContext.JsonVerbatim, ("image_urls", Marked(V.Array(Image, Second), "#1"))).Replace("Payloads", "B"),
            },
            new[]
            {
                Official(PayloadContext.Anonymous, ("image_urls", V.Array(Image))).Replace("Payloads", "A"),
                Official(PayloadContext.JsonVerbatim, ("image_urls", V.Array(Image))).Replace("Payloads", "B"),
            },
            Verify.Diagnostic("GRK006").WithLocation(0),
            Verify.Diagnostic("GRK006").WithLocation(1));

    private static V Marked(V value, string markup = "#0")
    {
        var csharp = "{|" + markup + ":" + value.CSharp + "|}";
        return new V(csharp, "{|" + markup + ":" + value.Json + "|}");
    }

    [Fact]
    public Task Positive_TypedApi_ParamsArray() =>
        Verify.Analyzer(
            Typed("new VideoGenerationRequest(\"A cat\", {|#0:\"https://cdn.example.com/cat.png\", \"https://cdn.example.com/dog.png\"|})"),
            TestOptions.Generated,
            Verify.Diagnostic("GRK006").WithLocation(0));

    [Fact]
    public Task Negative_TypedApi_OneImage() =>
        Verify.Analyzer(Typed("new VideoGenerationRequest(\"A cat\", new[] { \"https://cdn.example.com/cat.png\" })"), TestOptions.Generated);

    [Fact]
    public Task Fix_TypedApi_KeepsFirstArgument() =>
        Verify.CodeFix<KeepFirstItemFixer>(
            Typed("new VideoGenerationRequest(\"A cat\", {|#0:\"https://cdn.example.com/cat.png\", \"https://cdn.example.com/dog.png\"|})"),
            Typed("new VideoGenerationRequest(\"A cat\", \"https://cdn.example.com/cat.png\")"),
            TestOptions.Generated,
            codeActionIndex: null,
            Verify.Diagnostic("GRK006").WithLocation(0));
}
