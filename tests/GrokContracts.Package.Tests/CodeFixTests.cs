using System.Linq;
using System.Threading.Tasks;
using GrokContracts.Package.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GrokContracts.Package.Tests;

/// <summary>The package's code fixes load in <c>dotnet format</c> and their result builds clean.</summary>
public sealed class CodeFixTests(ITestOutputHelper log)
{
    // One mistake per payload object, one object per fixer.
    private const string Payloads = """
        public static class Payloads
        {
            public static object TooLong() => new
            {
                model = "grok-imagine-video-1.5-official",
                prompt = "A lighthouse at dusk",
                image_urls = new[] { "https://images.example.com/1.jpg" },
                duration = 20,
            };

            public static object QuotedDuration() => new
            {
                model = "grok-imagine-video-1.5-official",
                prompt = "A lighthouse at dusk",
                image_urls = new[] { "https://images.example.com/1.jpg" },
                duration = "8",
            };

            public static object Auto() => new
            {
                model = "grok-imagine-video-1.5-official",
                prompt = "A lighthouse at dusk",
                image_urls = new[] { "https://images.example.com/1.jpg" },
                aspect_ratio = "auto",
            };

            public static object TwoImages() => new
            {
                model = "grok-imagine-video-1.5-official",
                prompt = "A lighthouse at dusk",
                image_urls = new[] { "https://images.example.com/1.jpg", "https://images.example.com/2.jpg" },
            };

            public static object NsfwChecker() => new
            {
                model = "grok-imagine-video-1.5-official",
                prompt = "A lighthouse at dusk",
                image_urls = new[] { "https://images.example.com/1.jpg" },
                nsfw_checker = true,
            };

            public static object Typo() => new
            {
                model = "grok-imagine-video-1.5-oficial",
                prompt = "A lighthouse at dusk",
                image_urls = new[] { "https://images.example.com/1.jpg" },
            };
        }
        """;

    [Fact]
    public async Task Dotnet_format_applies_the_code_fixes_and_the_rebuild_is_clean()
    {
        var consumer = await ConsumerProject.CreateAsync("fix", log);
        consumer.WriteFile("Program.cs", "System.Console.WriteLine(Payloads.TooLong());\n");
        consumer.WriteFile("Payloads.cs", Payloads);

        var before = await consumer.BuildAsync();
        Assert.False(before.Succeeded, before.ToString());
        Assert.Equal(
            new[] { "GRK001", "GRK002", "GRK003", "GRK006", "GRK007", "GRK008" },
            before.WithPrefix("GRK").Select(d => d.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToArray());

        // `dotnet format analyzers` with several ids at once does not apply every fixer in one pass (which ones it
        // skips with "didn't return a Fix All action" varies from run to run), so do what a user does: run it again
        // for what is left. A single id per run fixes reliably.
        var remaining = before.WithPrefix("GRK").Select(d => d.Id).Distinct().ToArray();
        BuildResult after = before;
        for (var pass = 1; pass <= 4 && remaining.Length > 0; pass++)
        {
            var format = await consumer.FormatAnalyzersAsync(remaining);
            Assert.True(format.ExitCode == 0, format.ToString());
            after = await consumer.BuildAsync();
            remaining = after.WithPrefix("GRK").Select(d => d.Id).Distinct().ToArray();
            log.WriteLine($"after format pass {pass}: {(remaining.Length == 0 ? "clean" : string.Join(' ', remaining))}");
        }

        Assert.True(after.Succeeded, after.ToString() + "\n--- fixed Payloads.cs:\n" + consumer.ReadFile("Payloads.cs"));
        Assert.Empty(after.Diagnostics);

        var fixedText = consumer.ReadFile("Payloads.cs");
        Assert.Contains("duration = 15,", fixedText, System.StringComparison.Ordinal);                       // GRK001: clamped
        Assert.Contains("duration = 8,", fixedText, System.StringComparison.Ordinal);                        // GRK002: a number
        Assert.Contains("aspect_ratio = \"16:9\",", fixedText, System.StringComparison.Ordinal);               // GRK003: the default
        Assert.DoesNotContain("2.jpg", fixedText, System.StringComparison.Ordinal);                          // GRK006: first item kept
        Assert.DoesNotContain("nsfw_checker", fixedText, System.StringComparison.Ordinal);                   // GRK007: removed
        Assert.DoesNotContain("oficial", fixedText, System.StringComparison.Ordinal);                        // GRK008: nearest model id
    }
}
