using GrokContracts;
using GrokContracts.GrokImagineVideo15Official;
using Beta = GrokContracts.GrokImagineVideo15Beta;

public static class TypedRequests
{
    public static VideoGenerationRequest Official() =>
        new VideoGenerationRequest("A cat walks", "https://cdn.example.com/cat.png")
            .WithDuration(20)
            .WithAspectRatio(AspectRatio.Portrait9x16)
            .WithResolution(Resolution.P720)
            .WithAudio(false);

    public static Beta.VideoGenerationRequest BetaRequest(int seconds)
    {
        Beta.VideoGenerationRequest request = new("data:image/png;base64,AAAA");
        request = request.WithDuration(seconds).WithPrompt(null).WithNsfwChecker(true).WithAspectRatio(Beta.AspectRatio.Auto);
        return request.WithImageUrls("https://a.example/a.png", "https://a.example/b.png").WithDuration(0);
    }

    public static string Json() => new VideoGenerationRequest("", "ftp://x").WithDuration(-3).ToJson();

    public static bool Valid(IContractRequest request) => request.Validate().Count == 0;
}
