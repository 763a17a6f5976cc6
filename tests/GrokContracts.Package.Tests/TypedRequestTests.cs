using System.Linq;
using System.Threading.Tasks;
using GrokContracts.Package.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GrokContracts.Package.Tests;

/// <summary>A new console project with only the package reference gets the typed API of both shipped channels.</summary>
public sealed class TypedRequestTests(ITestOutputHelper log)
{
    private const string Program = """
        using GrokContracts.GrokImagineVideo15Official;
        using Beta = GrokContracts.GrokImagineVideo15Beta;

        var official = new VideoGenerationRequest("Slow dolly-in on a lighthouse at dusk", "https://images.example.com/lighthouse.jpg")
            .WithAspectRatio(AspectRatio.Portrait9x16)
            .WithResolution(Resolution.P720)
            .WithDuration(6);
        Console.WriteLine("official " + official.ToJson());
        Console.WriteLine("official-valid " + official.Validate().Count);

        var beta = new Beta.VideoGenerationRequest("https://images.example.com/lighthouse.jpg")
            .WithAspectRatio(Beta.AspectRatio.Auto)
            .WithDuration(2);
        Console.WriteLine("beta " + beta.ToJson());
        Console.WriteLine("beta-valid " + beta.Validate().Count);

        // A value known only at run time: Validate() answers with the API's code and message.
        var seconds = int.Parse(Environment.GetEnvironmentVariable("NO_SUCH_VARIABLE") ?? "20");
        foreach (var violation in official.WithDuration(seconds).Validate())
        {
            Console.WriteLine($"violation {violation.Code} {violation.Message} {violation.Path}");
        }
        """;

    [Fact]
    public async Task A_valid_typed_request_for_each_channel_builds_and_writes_the_wire_json()
    {
        var consumer = await ConsumerProject.CreateAsync("typed", log);
        consumer.WriteFile("Program.cs", Program);

        var build = await consumer.BuildAsync();
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Diagnostics);

        var run = await consumer.RunAsync();
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        // The request body of the API reference: field names, JSON types, model first, defaults filled in.
        Assert.Contains(
            """official {"model":"grok-imagine-video-1.5-official","prompt":"Slow dolly-in on a lighthouse at dusk","image_urls":["https://images.example.com/lighthouse.jpg"],"aspect_ratio":"9:16","resolution":"720p","duration":6,"audio":true}""",
            lines);
        Assert.Contains("official-valid 0", lines);
        // Beta: prompt optional (omitted), "auto" allowed, duration has no default, no audio field.
        Assert.Contains(
            """beta {"model":"grok-imagine-video-1.5-beta","image_urls":["https://images.example.com/lighthouse.jpg"],"aspect_ratio":"auto","resolution":"480p","duration":2}""",
            lines);
        Assert.Contains("beta-valid 0", lines);
        Assert.Equal("violation 20003 duration must be 3-15 seconds $.duration", Assert.Single(lines, l => l.StartsWith("violation ", System.StringComparison.Ordinal)));
    }
}
