using System.Text.Json.Nodes;

public static class JsonObjectPayloads
{
    public static JsonObject Official() => new JsonObject
    {
        ["model"] = "grok-imagine-video-1.5-official",
        ["prompt"] = "Slow dolly in",
        ["image_urls"] = new JsonArray { "https://cdn.example.com/cat.png" },
        ["duration"] = 20,
        ["aspect_ratio"] = "21:9",
        ["audio"] = 1,
    };

    public static JsonNode Beta() => new JsonObject
    {
        ["model"] = "grok-imagine-video-1.5-beta",
        ["image_urls"] = new JsonArray { "data:,x", 3 },
        ["duration"] = 7.5,
        ["nsfw_checker"] = JsonValue.Create(true),
    };
}
