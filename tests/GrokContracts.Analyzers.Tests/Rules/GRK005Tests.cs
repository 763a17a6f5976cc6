using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using static GrokContracts.Analyzers.Tests.Infrastructure.PayloadSource;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>GRK005: an image URL that is not a public http(s) URL (reported on the entry).</summary>
public sealed class GRK005Tests
{
    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_DataUri(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("image_urls", V.Array("{|#0:\"data:image/png;base64,iVBORw0KGgo=\"|}"))), Verify.Diagnostic("GRK005").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_FtpUrl(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("image_urls", V.Array("{|#0:\"ftp://example.com/cat.png\"|}"))), Verify.Diagnostic("GRK005").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Positive_RelativeUrl(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("image_urls", V.Array("{|#0:\"images/cat.png\"|}"))), Verify.Diagnostic("GRK005").WithLocation(0));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Negative_HttpsUrl(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("image_urls", V.Array("\"http://example.com:8080/cat.png?size=1\""))));

    [Fact]
    public Task Positive_FileUrlInList() =>
        Verify.Analyzer(
            """
            using System.Collections.Generic;

            public static class Payloads
            {
                public static object Create() => new
                {
                    model = "grok-imagine-video-1.5-official",
                    prompt = "A cat",
                    image_urls = new List<string> { {|#0:"file:///tmp/cat.png"|} },
                };
            }
            """,
            Verify.Diagnostic("GRK005").WithLocation(0));

    [Fact]
    public Task Positive_CollectionExpression() =>
        Verify.Analyzer(
            """
            public static class Payloads
            {
                public static object Create()
                {
                    string[] images = [];
                    _ = images;
                    return new
                    {
                        model = "grok-imagine-video-1.5-official",
                        prompt = "A cat",
                        image_urls = (string[])[{|#0:"data:,x"|}],
                    };
                }
            }
            """,
            Verify.Diagnostic("GRK005").WithLocation(0));

    [Fact]
    public Task Positive_TypedApi_DataUri() =>
        Verify.Analyzer(
            Typed("new VideoGenerationRequest(\"A cat\", {|#0:\"data:image/png;base64,AAAA\"|})"),
            TestOptions.Generated,
            Verify.Diagnostic("GRK005").WithLocation(0));

    [Fact]
    public Task Positive_TypedApi_WithImageUrls() =>
        Verify.Analyzer(
            Typed("new VideoGenerationRequest(\"A cat\", \"https://cdn.example.com/cat.png\").WithImageUrls({|#0:\"ftp://example.com/cat.png\"|})"),
            TestOptions.Generated,
            Verify.Diagnostic("GRK005").WithLocation(0));

    [Fact]
    public Task Negative_TypedApi_HttpsUrl() =>
        Verify.Analyzer(Typed("new VideoGenerationRequest(\"A cat\", \"https://cdn.example.com/cat.png\")"), TestOptions.Generated);
}
