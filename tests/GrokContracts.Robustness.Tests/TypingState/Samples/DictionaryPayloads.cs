using System.Collections.Generic;

public static class DictionaryPayloads
{
    public static Dictionary<string, object> Indexer() => new Dictionary<string, object>
    {
        ["model"] = "grok-imagine-video-1.5-official",
        ["prompt"] = "A cat walks",
        ["image_urls"] = new[] { "https://cdn.example.com/cat.png", "https://cdn.example.com/dog.png" },
        ["duration"] = 2,
        ["resolution"] = "1080p",
    };

    public static IDictionary<string, object?> Collection() => new Dictionary<string, object?>
    {
        { "model", "grok-imagine-video-1.5-beta" },
        { "image_urls", new List<string> { "/relative.png" } },
        { "duration", 16 },
        { "prompt", null },
        { "nsfw_checker", "false" },
    };

    public static Dictionary<string, object> TargetTyped()
    {
        Dictionary<string, object> body = new() { ["model"] = "grok-imagine-video-1.5-official", ["prompt"] = "x", ["image_urls"] = new[] { "https://a.example/x.png" }, ["extra"] = 1 };
        return body;
    }
}
