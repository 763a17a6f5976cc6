using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.CodeFixes.Rules;
using static GrokContracts.Analyzers.Tests.Infrastructure.PayloadSource;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>GRK007: a parameter the contract lacks (reported on its name); fix renames a close typo, else removes.</summary>
public sealed class GRK007Tests
{
    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_NsfwCheckerOnOfficial(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("#0:nsfw_checker", "true")), Verify.Diagnostic("GRK007").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_AudioOnBeta(PayloadContext context) =>
        Verify.Analyzer(Beta(context, ("#0:audio", "false")), Verify.Diagnostic("GRK007").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_Typo(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("#0:durration", "8")), Verify.Diagnostic("GRK007").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Negative_NsfwCheckerOnBeta(PayloadContext context) =>
        Verify.Analyzer(Beta(context, ("nsfw_checker", "true")));

    [Fact]
    public Task Positive_MessageSuggestsClosest() =>
        Verify.Analyzer(
            Official(PayloadContext.Anonymous, ("#0:durration", "8")),
            Verify.Diagnostic("GRK007").WithLocation(0).WithMessage(
                "durration is not a parameter of grok-imagine-video-1.5-official; did you mean 'duration'?"));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Fix_RenamesTypo(PayloadContext context) =>
        Verify.CodeFix<UnknownParameterFixer>(
            Official(context, ("#0:durration", "8")),
            Official(context, ("duration", "8")),
            Verify.Diagnostic("GRK007").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Fix_RemovesUnknown(PayloadContext context) =>
        Verify.CodeFix<UnknownParameterFixer>(
            Official(context, ("#0:nsfw_checker", "true"), ("duration", "8")),
            Official(context, ("duration", "8")),
            Verify.Diagnostic("GRK007").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Fix_RemovesLastMember(PayloadContext context) =>
        Verify.CodeFix<UnknownParameterFixer>(
            Official(context, ("#0:nsfw_checker", "true")),
            Official(context),
            Verify.Diagnostic("GRK007").WithLocation(0));

    /// <summary>Regression (typing-state suite): removing a projection initializer removed only its expression and threw in the rewriter.</summary>
    [Fact]
    public Task Fix_RemovesProjectionInitializer() =>
        Verify.CodeFix<UnknownParameterFixer>(
            """
            public static class Payloads
            {
                public static object Create(bool nsfw_checker) => new { model = "grok-imagine-video-1.5-official", prompt = "A cat", image_urls = new[] { "https://cdn.example.com/cat.png" }, {|#0:nsfw_checker|} };
            }
            """,
            """
            public static class Payloads
            {
                public static object Create(bool nsfw_checker) => new { model = "grok-imagine-video-1.5-official", prompt = "A cat", image_urls = new[] { "https://cdn.example.com/cat.png" } };
            }
            """,
            Verify.Diagnostic("GRK007").WithLocation(0));

    [Fact]
    public Task Fix_RemovesFromMultiLineJson() =>
        Verify.CodeFix<UnknownParameterFixer>(
            """"
            public static class Payloads
            {
                public const string Body = """
                    {
                      "model": "grok-imagine-video-1.5-official",
                      {|#0:"nsfw_checker"|}: false,
                      "prompt": "A cat",
                      "image_urls": ["https://cdn.example.com/cat.png"]
                    }
                    """;
            }
            """",
            """"
            public static class Payloads
            {
                public const string Body = """
                    {
                      "model": "grok-imagine-video-1.5-official",
                      "prompt": "A cat",
                      "image_urls": ["https://cdn.example.com/cat.png"]
                    }
                    """;
            }
            """",
            Verify.Diagnostic("GRK007").WithLocation(0));

    [Fact]
    public Task FixAll_InSolution() =>
        Verify.FixAll<UnknownParameterFixer>(
            new[]
            {
                Official(PayloadContext.DictionaryCollection, ("#0:durration", "8")).Replace("Payloads", "A"),
                Official(PayloadContext.JsonRaw, ("#1:nsfw_checker", "true")).Replace("Payloads", "B"),
            },
            new[]
            {
                Official(PayloadContext.DictionaryCollection, ("duration", "8")).Replace("Payloads", "A"),
                Official(PayloadContext.JsonRaw).Replace("Payloads", "B"),
            },
            Verify.Diagnostic("GRK007").WithLocation(0),
            Verify.Diagnostic("GRK007").WithLocation(1));
}
