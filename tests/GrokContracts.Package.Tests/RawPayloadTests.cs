using System.Linq;
using System.Threading.Tasks;
using GrokContracts.Package.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GrokContracts.Package.Tests;

/// <summary>Contract mistakes in raw payloads are build errors at the file and line of the mistake.</summary>
public sealed class RawPayloadTests(ITestOutputHelper log)
{
    private const string Payloads = """
        using System.Collections.Generic;

        public static class Payloads
        {
            public static object TooLong() => new
            {
                model = "grok-imagine-video-1.5-official",
                prompt = "A lighthouse at dusk",
                image_urls = new[] { "https://images.example.com/lighthouse.jpg" },
                duration = 20,
            };

            public static object AutoOnOfficial() => new
            {
                model = "grok-imagine-video-1.5-official",
                prompt = "A lighthouse at dusk",
                image_urls = new[] { "https://images.example.com/lighthouse.jpg" },
                aspect_ratio = "auto",
            };

            public static Dictionary<string, object> DataUri() => new Dictionary<string, object>
            {
                ["model"] = "grok-imagine-video-1.5-official",
                ["prompt"] = "A lighthouse at dusk",
                ["image_urls"] = new[] { "data:image/png;base64,iVBORw0KGgo=" },
            };

            // "auto" is allowed on the beta channel: no diagnostic.
            public static object AutoOnBeta() => new
            {
                model = "grok-imagine-video-1.5-beta",
                image_urls = new[] { "https://images.example.com/lighthouse.jpg" },
                aspect_ratio = "auto",
            };
        }
        """;

    [Fact]
    public async Task Raw_payload_mistakes_are_GRK_errors_at_their_file_and_line()
    {
        var consumer = await ConsumerProject.CreateAsync("raw", log);
        consumer.WriteFile("Program.cs", "System.Console.WriteLine(Payloads.TooLong());\n");
        consumer.WriteFile("Payloads.cs", Payloads);

        var build = await consumer.BuildAsync();

        Assert.False(build.Succeeded, build.ToString());
        var grk = build.WithPrefix("GRK").OrderBy(d => d.Line).ToList();
        Assert.Equal(
            new[]
            {
                ("Payloads.cs", "error", "GRK001", SourcePosition.Of(Payloads, "duration = 20", "20")),
                ("Payloads.cs", "error", "GRK003", SourcePosition.Of(Payloads, "aspect_ratio = \"auto\"", "\"auto\"")),
                ("Payloads.cs", "error", "GRK005", SourcePosition.Of(Payloads, "\"data:image", "\"data:image")),
            },
            grk.Select(d => (d.FileName, d.Severity, d.Id, new SourcePosition(d.Line, d.Column))).ToArray());
        Assert.Contains("duration must be 3-15 seconds", grk[0].Message, System.StringComparison.Ordinal);
        // Nothing else went wrong: no compiler errors, no analyzer or generator crash.
        Assert.Equal(grk.Count, build.Diagnostics.Count);
    }
}
