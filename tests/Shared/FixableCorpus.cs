namespace GrokContracts.Tests.Shared;

/// <summary>
/// Every rule with a fix (GRK001/2/3/6/7/8) in every payload context, several rules per payload: what
/// <c>dotnet format analyzers</c> must fix in one run. Shared by the Workspaces-level Fix All tests
/// (GrokContracts.Analyzers.Tests) and the real <c>dotnet format</c> on a packed consumer (GrokContracts.Package.Tests).
/// </summary>
internal static class FixableCorpus
{
    /// <summary>The ids given to <c>dotnet format analyzers --diagnostics</c>: every rule with a fix but GRK009 (info).</summary>
    public static readonly string[] Ids = ["GRK001", "GRK002", "GRK003", "GRK006", "GRK007", "GRK008"];

    public const string Source = """
        using System.Collections.Generic;
        using System.Text.Json.Nodes;

        namespace Consumer
        {
            public static class Payloads
            {
                public const string Json = "{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"A lighthouse\",\"image_urls\":[\"https://images.example.com/a.jpg\"],\"duration\":\"8\",\"aspect_ratio\":\"auto\",\"nsfw_checker\":true}";

                public static object Dictionary() => new Dictionary<string, object>
                {
                    ["model"] = "grok-imagine-video-1.5-official",
                    ["prompt"] = "A lighthouse",
                    ["image_urls"] = new[] { "https://images.example.com/a.jpg", "https://images.example.com/b.jpg" },
                    ["duration"] = 99,
                    ["resolution"] = "1080p",
                };

                public static JsonObject Node() => new JsonObject
                {
                    ["model"] = "grok-imagine-video-1.5-official",
                    ["prompt"] = "A lighthouse",
                    ["image_urls"] = new JsonArray { "https://images.example.com/a.jpg" },
                    ["audio"] = "false",
                    ["durration"] = 5,
                };

                public static object Typo() => new
                {
                    model = "grok-imagine-video-1.5-oficial",
                    prompt = "A lighthouse",
                    image_urls = new[] { "https://images.example.com/a.jpg" },
                };

                public static object Request() => new
                {
                    model = "grok-imagine-video-1.5-official",
                    prompt = "A lighthouse at dusk",
                    image_urls = new[] { "https://images.example.com/lighthouse.jpg" },
                    duration = 20,
                    aspect_ratio = "auto",
                    resolution = "720P",
                };
            }
        }
        """;
}
