using System.Net.Http.Json;

public static class AnonymousPayloads
{
    public static object Valid() => new { model = "grok-imagine-video-1.5-official", prompt = "A cat walks", image_urls = new[] { "https://cdn.example.com/cat.png" }, duration = 8 };

    public static object Broken() => new
    {
        model = "grok-imagine-video-1.5-official",
        prompt = "",
        image_urls = new[] { "data:image/png;base64,AAAA", "ftp://example.com/b.png" },
        duration = 99,
        aspect_ratio = "4:3",
        resolution = 1080,
        audio = "yes",
        durration = 5,
    };

    public static object Beta(int seconds) => new { model = "grok-imagine-video-1.5-beta", image_urls = new string[] { "https://x.example/a.webp" }, duration = seconds, nsfw_checker = true };

    public static object UnknownModel() => new { model = "grok-imagine-video-1.5-offical", prompt = "x" };

    public static System.Net.Http.HttpContent Content() => JsonContent.Create(new { model = "grok-imagine-video-1.5-beta", image_urls = new[] { "https://x.example/a.png" }, duration = -1 });
}
