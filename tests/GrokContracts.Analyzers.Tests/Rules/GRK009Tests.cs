using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.CodeFixes.Rules;
using static GrokContracts.Analyzers.Tests.Infrastructure.PayloadSource;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>GRK009: a clean anonymous payload that could be the generated typed request; fix converts it.</summary>
public sealed class GRK009Tests
{
    private const string Clean = """
        public static class Payloads
        {
            public static object Create() => {|#0:new|}
            {
                model = "grok-imagine-video-1.5-official",
                prompt = "A cat walks",
                image_urls = new[] { "https://cdn.example.com/cat.png" },
                duration = 5,
                aspect_ratio = "9:16",
                audio = false,
            };
        }
        """;

    [Fact]
    public Task Positive_CleanAnonymousPayload() =>
        Verify.Analyzer(Clean, TestOptions.Generated, Verify.Diagnostic("GRK009").WithLocation(0));

    [Fact]
    public Task Negative_WithoutGeneratedApi() =>
        Verify.Analyzer(Clean.Replace("{|#0:new|}", "new"));

    [Fact]
    public Task Negative_PayloadWithViolations() =>
        Verify.Analyzer(Official(PayloadContext.Anonymous, ("duration", "{|#0:20|}")), TestOptions.Generated, Verify.Diagnostic("GRK001").WithLocation(0));

    [Fact]
    public Task Negative_NonConstantValue() =>
        Verify.Analyzer(
            """
            public static class Payloads
            {
                public static object Create(string prompt) => new
                {
                    model = "grok-imagine-video-1.5-official",
                    prompt,
                    image_urls = new[] { "https://cdn.example.com/cat.png" },
                };
            }
            """,
            TestOptions.Generated);

    [Fact]
    public Task Fix_ConvertsToTypedRequest() =>
        Verify.CodeFix<TypedRequestFixer>(
            Clean,
            """
            public static class Payloads
            {
                public static object Create() => new global::GrokContracts.GrokImagineVideo15Official.VideoGenerationRequest("A cat walks", "https://cdn.example.com/cat.png").WithDuration(5).WithAspectRatio(global::GrokContracts.GrokImagineVideo15Official.AspectRatio.Portrait9x16).WithAudio(false);
            }
            """,
            TestOptions.Generated,
            codeActionIndex: null,
            Verify.Diagnostic("GRK009").WithLocation(0));

    [Fact]
    public Task FixAll_InDocument() =>
        Verify.FixAll<TypedRequestFixer>(
            TestOptions.Generated,
            new[]
            {
                """
                using GrokContracts.GrokImagineVideo15Beta;

                public static class Payloads
                {
                    public static object A() => {|#0:new|} { model = "grok-imagine-video-1.5-official", prompt = "A", image_urls = new[] { "https://cdn.example.com/a.png" } };

                    public static object B() => {|#1:new|} { model = "grok-imagine-video-1.5-beta", image_urls = new[] { "https://cdn.example.com/b.png" }, aspect_ratio = "auto" };
                }
                """,
            },
            new[]
            {
                """
                using GrokContracts.GrokImagineVideo15Beta;

                public static class Payloads
                {
                    public static object A() => new global::GrokContracts.GrokImagineVideo15Official.VideoGenerationRequest("A", "https://cdn.example.com/a.png");

                    public static object B() => new global::GrokContracts.GrokImagineVideo15Beta.VideoGenerationRequest("https://cdn.example.com/b.png").WithAspectRatio(global::GrokContracts.GrokImagineVideo15Beta.AspectRatio.Auto);
                }
                """,
            },
            Verify.Diagnostic("GRK009").WithLocation(0),
            Verify.Diagnostic("GRK009").WithLocation(1));
}
