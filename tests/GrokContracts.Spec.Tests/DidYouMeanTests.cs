namespace GrokContracts.Spec.Tests;

/// <summary>The one did-you-mean: its threshold, case, exact matches, skipped candidates and the early-exit distance.</summary>
public class DidYouMeanTests
{
    private static readonly string[] Parameters = ["prompt", "image_urls", "aspect_ratio", "resolution", "duration", "audio", "mode"];

    [Theory]
    [InlineData("durration", "duration")]
    [InlineData("Duration", "duration")]
    [InlineData("DURATOIN", "duration")]
    [InlineData("promt", "prompt")]
    [InlineData("audi", "audio")]
    [InlineData("mod", "mode")]
    [InlineData("made", "mode")]
    [InlineData("moon", null)]
    [InlineData("quality", null)]
    [InlineData("duration", null)]
    [InlineData("", null)]
    public void Closest_parameter(string input, string? expected)
    {
        Assert.Equal(expected, DidYouMean.Closest(input, Parameters));
    }

    [Fact]
    public void Skipped_candidates_are_never_suggested()
    {
        Assert.Null(DidYouMean.Closest("durration", Parameters, name => name == "duration"));
    }

    [Theory]
    [InlineData("mode", 1)]
    [InlineData("audio", 2)]
    [InlineData("grok-imagine-video-1.5-official", 2)]
    [InlineData("a", 0)]
    public void Threshold_grows_with_the_name_up_to_the_cap(string candidate, int edits)
    {
        Assert.Equal(edits, DidYouMean.MaxEditsFor(candidate));
    }

    [Fact]
    public void Distance_stops_past_the_limit_and_is_exact_within_it()
    {
        Assert.Equal(3, DidYouMean.Distance("kitten", "sitting", limit: 3));
        Assert.Equal(2, DidYouMean.Distance("kitten", "sitting", limit: 1));
        Assert.Equal(3, DidYouMean.Distance("a", "abcdef", limit: 2));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("official", "oficial", 1)]
    public void Distance_is_Levenshtein_and_symmetric(string left, string right, int distance)
    {
        Assert.Equal(distance, DidYouMean.Distance(left, right));
        Assert.Equal(distance, DidYouMean.Distance(right, left));
    }
}
