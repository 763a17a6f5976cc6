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

    /// <summary>
    /// One mistake per rule, spread over every context the analyzer reads (JSON literal, dictionary, JsonObject,
    /// anonymous object, typed API). The official channel is overridden by this consumer's project spec
    /// (maximum 10), so the range mistake is made on beta, through its typed API.
    /// </summary>
    public const string AllRules = """
        using System.Collections.Generic;
        using System.Text.Json.Nodes;

        namespace Consumer
        {
            public static class AllRules
            {
                public const string Json = "{\"model\":\"grok-imagine-video-1.5-beta\",\"image_urls\":[\"https://images.example.com/a.jpg\"],\"duration\":\"8\"}";

                public static object Dictionary()
                {
                    return new Dictionary<string, object>
                    {
                        ["model"] = "grok-imagine-video-1.5-official",
                        ["prompt"] = "",
                        ["image_urls"] = new[] { "https://images.example.com/a.jpg", "https://images.example.com/b.jpg" },
                    };
                }

                public static JsonObject Node()
                {
                    return new JsonObject
                    {
                        ["model"] = "grok-imagine-video-1.5-official",
                        ["prompt"] = "A lighthouse at dusk",
                        ["image_urls"] = new JsonArray { "https://images.example.com/a.jpg" },
                        ["resolution"] = "1080p",
                        ["nsfw_checker"] = true,
                    };
                }

                public static object Typo()
                {
                    return new { model = "grok-imagine-video-1.5-oficial", prompt = "A lighthouse at dusk" };
                }

                public static object Convertible()
                {
                    return new { model = "grok-imagine-video-1.5-beta", image_urls = new[] { "https://images.example.com/a.jpg" }, duration = 6 };
                }

                public static object Typed()
                {
                    return new GrokContracts.GrokImagineVideo15Beta.VideoGenerationRequest("https://images.example.com/a.jpg").WithDuration(30);
                }
            }
        }
        """;

    /// <summary>What AllRules.cs must produce, each found by the text of its line: the id, the severity, and the text.</summary>
    public static readonly (string Id, string Severity, string Needle)[] AllRulesExpected =
    [
        ("GRK001", "error", "WithDuration(30)"),
        ("GRK002", "error", "public const string Json"),
        ("GRK003", "error", "[\"resolution\"] = \"1080p\""),
        ("GRK004", "error", "[\"prompt\"] = \"\""),
        ("GRK006", "error", "https://images.example.com/b.jpg"),
        ("GRK007", "warning", "[\"nsfw_checker\"] = true"),
        ("GRK008", "warning", "grok-imagine-video-1.5-oficial"),
        ("GRK009", "warning", "duration = 6"),
    ];

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

    /// <summary>The shared corpus of fixable mistakes (tests/Shared/FixableCorpus.cs).</summary>
    public const string Fixable = GrokContracts.Tests.Shared.FixableCorpus.Source;

    /// <summary>The ids given to <c>dotnet format analyzers --diagnostics</c>.</summary>
    public static readonly string[] FixableIds = GrokContracts.Tests.Shared.FixableCorpus.Ids;

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
