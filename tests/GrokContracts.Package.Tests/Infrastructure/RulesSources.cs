using System;
using System.Linq;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>Consumer sources and specs; tests find expected lines by their text, never by hard-coded numbers.</summary>
public static class RulesSources
{
    public const string Mistakes = """
        namespace Consumer
        {
            public static class Mistakes
            {
                public static object Payload()
                {
                    return new
                    {
                        model = "grok-imagine-video-1.5-official",
                        prompt = "A lighthouse at dusk",
                        image_urls = new[] { "data:image/png;base64,iVBORw0KGgo=" },
                        duration = 20,
                        aspect_ratio = "auto",
                    };
                }
            }
        }
        """;

    /// <summary>Compiles only if the project spec (maximum 10) replaced the shipped official spec, and the beta one stays shipped: 1 / 0 is CS0020.</summary>
    public const string Override = """
        namespace Consumer
        {
            public static class Override
            {
                public const int OfficialMaximumIsTen = 1 / (Consumer.Contracts.GrokImagineVideo15OfficialChannel.DurationMaximum == 10 ? 1 : 0);
                public const int BetaMaximumIsFifteen = 1 / (GrokContracts.GrokImagineVideo15Beta.GrokImagineVideo15BetaChannel.DurationMaximum == 15 ? 1 : 0);

                public static object Payload()
                {
                    return new
                    {
                        model = "grok-imagine-video-1.5-official",
                        prompt = "A lighthouse at dusk",
                        image_urls = new[] { "https://images.example.com/lighthouse.jpg" },
                        duration = 12,
                    };
                }
            }
        }
        """;

    public const string Fixable = """
        namespace Consumer
        {
            public static class Payloads
            {
                public static object Request() => new
                {
                    model = "grok-imagine-video-1.5-official",
                    prompt = "A lighthouse at dusk",
                    image_urls = new[] { "https://images.example.com/lighthouse.jpg" },
                    duration = 20,
                    aspect_ratio = "auto",
                };
            }
        }
        """;

    /// <summary>A YAML anchor on line 3 (anchors are refused outright: GRK100).</summary>
    public const string SyntaxError = """
        specVersion: 1
        model: broken-syntax
        summary: &common broken
        """;

    public const string SchemaErrorLine = "    type: int";

    public static string WithMaximum10(string officialSpec)
    {
        const string Maximum = "    maximum: 15";
        if (officialSpec.Split('\n').Count(l => l.TrimEnd('\r') == Maximum) != 1)
        {
            throw new InvalidOperationException("the official spec no longer has exactly one 'maximum: 15' (duration)");
        }
        return officialSpec.Replace(Maximum, "    maximum: 10", StringComparison.Ordinal);
    }

    /// <summary>The official spec under another model id, with duration's type misspelt (GRK101 at that line).</summary>
    public static string WithSchemaError(string officialSpec)
    {
        var lines = officialSpec.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var duration = Array.FindIndex(lines, l => l == "  duration:");
        var type = Array.FindIndex(lines, duration, l => l == "    type: integer");
        if (duration < 0 || type < 0)
        {
            throw new InvalidOperationException("the official spec no longer declares 'duration: type: integer'");
        }
        lines[type] = SchemaErrorLine;
        return string.Join('\n', lines)
            .Replace("model: grok-imagine-video-1.5-official", "model: broken-schema", StringComparison.Ordinal);
    }

    /// <summary>1-based line of the first line of <paramref name="text"/> that contains <paramref name="needle"/>.</summary>
    public static int LineOf(string text, string needle)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(needle, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new ArgumentException($"'{needle}' not found", nameof(needle));
        }
        return index + 1;
    }
}
