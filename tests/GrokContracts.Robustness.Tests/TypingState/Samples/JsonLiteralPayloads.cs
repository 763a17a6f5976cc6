using System;

public static class JsonLiteralPayloads
{
    public const string Regular = "{\"model\": \"grok-imagine-video-1.5-official\", \"prompt\": \"A cat\", \"image_urls\": [\"https://x.example/a.png\"], \"duration\": 42}";

    public const string Verbatim = @"{ ""model"": ""grok-imagine-video-1.5-beta"", ""image_urls"": [""ftp://x.example/a.png""], ""aspect_ratio"": ""auto"", ""duration"": ""5"" }";

    public static string Raw() => """
        {
          "model": "grok-imagine-video-1.5-official",
          "prompt": "Camera orbits \u0041 the subject",
          "image_urls": ["https://x.example/a.png", "https://x.example/b.png"],
          "resolution": "720p",
          "aspect_ratio": "9:16",
          "unknown": { "nested": [1, 2, { "model": "x" }] }
        }
        """;

    public static string Interpolated(int d) => $$"""{ "model": "grok-imagine-video-1.5-beta", "image_urls": ["https://x.example/a.png"], "duration": {{d}} }""";

    public static ReadOnlySpan<byte> Utf8 => "{\"model\":\"grok-imagine-video-1.5-beta\",\"image_urls\":[\"https://x.example/a.png\"],\"duration\":0}"u8;

    public static string Escaped() => "{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"\u0041 \\\"q\\\"\",\"image_urls\":[\"https://x.example/a.png\"],\"aspect_ratio\":\"au\u0074o\"}";
}
