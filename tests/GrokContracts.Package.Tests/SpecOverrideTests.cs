using System.Linq;
using System.Threading.Tasks;
using GrokContracts.Package.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GrokContracts.Package.Tests;

/// <summary>
/// "Regenerate from spec when the channel changes": a project spec with a shipped model id replaces the shipped spec
/// for the generator and the analyzers alike; shipped specs can be switched off; namespace and visibility are item
/// metadata.
/// </summary>
public sealed class SpecOverrideTests(ITestOutputHelper log)
{
    private const string OverrideProgram = """
        using GrokContracts.GrokImagineVideo15Official;

        Console.WriteLine($"maximum {GrokImagineVideo15OfficialChannel.DurationMaximum}");
        Console.WriteLine($"beta-maximum {GrokContracts.GrokImagineVideo15Beta.GrokImagineVideo15BetaChannel.DurationMaximum}");
        var request = new VideoGenerationRequest("A lighthouse at dusk", "https://images.example.com/lighthouse.jpg");
        var seconds = int.Parse(Environment.GetEnvironmentVariable("NO_SUCH_VARIABLE") ?? "12");
        foreach (var violation in request.WithDuration(seconds).Validate())
        {
            Console.WriteLine($"violation {violation.Code} {violation.Message}");
        }

        Console.WriteLine($"ten-valid {request.WithDuration(10).Validate().Count == 0}");
        """;

    private const string BadPayload = """
        public static class BadPayload
        {
            public static object Twelve() => new
            {
                model = "grok-imagine-video-1.5-official",
                prompt = "A lighthouse at dusk",
                image_urls = new[] { "https://images.example.com/lighthouse.jpg" },
                duration = 12,
            };
        }
        """;

    [Fact]
    public async Task A_project_spec_with_the_official_model_id_replaces_the_shipped_rules()
    {
        var consumer = await ConsumerProject.CreateAsync("override", log, """
              <ItemGroup>
                <GrokContractSpec Include="contracts/*.yaml" />
                <Compile Remove="BadPayload.cs" Condition="'$(WithBadPayload)' != 'true'" />
              </ItemGroup>
            """);
        var spec = ShippedSpec.Edit(ShippedSpec.Read(ShippedSpec.Official), "minimum: 3\n    maximum: 15", "minimum: 3\n    maximum: 10");
        consumer.WriteFile("contracts/official-next.yaml", spec);
        consumer.WriteFile("Program.cs", OverrideProgram);
        consumer.WriteFile("BadPayload.cs", BadPayload);

        // The analyzer follows the project spec: 12 was fine under the shipped spec, now it is a GRK001 - and the
        // same model id in two specs is not a GRK103, the project's wins.
        var withBadPayload = await consumer.BuildAsync("-p:WithBadPayload=true");
        Assert.False(withBadPayload.Succeeded, withBadPayload.ToString());
        var error = Assert.Single(withBadPayload.Diagnostics);
        Assert.Equal(("BadPayload.cs", "GRK001", SourcePosition.Of(BadPayload, "duration = 12", "12")), (error.FileName, error.Id, new SourcePosition(error.Line, error.Column)));
        Assert.Contains("3-10", error.Message, System.StringComparison.Ordinal);

        // The generator follows it too: the typed API's constants and Validate() carry the new range.
        var build = await consumer.BuildAsync();
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Diagnostics);
        var run = await consumer.RunAsync();
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.Contains("maximum 10", lines);
        Assert.Contains("beta-maximum 15", lines);
        Assert.Contains("violation 20003 duration must be 3-10 seconds", lines);
        Assert.Contains("ten-valid True", lines);
    }

    [Fact]
    public async Task Shipped_specs_switch_off_and_item_metadata_sets_namespace_and_visibility()
    {
        var consumer = await ConsumerProject.CreateAsync("custom", log, """
              <PropertyGroup>
                <GrokContractsIncludeShippedSpecs>false</GrokContractsIncludeShippedSpecs>
              </PropertyGroup>
              <ItemGroup>
                <GrokContractSpec Include="contracts/acme.yaml" Namespace="Acme.Video" Visibility="internal" />
              </ItemGroup>
            """);
        consumer.WriteFile("contracts/acme.yaml", ShippedSpec.Edit(ShippedSpec.Read(ShippedSpec.Beta), "model: grok-imagine-video-1.5-beta", "model: acme-video-1"));
        consumer.WriteFile("Program.cs", """
            var request = new Acme.Video.VideoGenerationRequest("https://images.example.com/lighthouse.jpg").WithDuration(2);
            Console.WriteLine("json " + request.ToJson());
            Console.WriteLine("public " + typeof(Acme.Video.VideoGenerationRequest).IsPublic);
            Console.WriteLine("shipped-types " + typeof(Program).Assembly.GetTypes().Count(t => t.Namespace?.StartsWith("GrokContracts.GrokImagineVideo15", StringComparison.Ordinal) == true));
            // The shipped official spec is off, so the analyzer does not know this model: no GRK001 for 99.
            Console.WriteLine(new { model = "grok-imagine-video-1.5-official", duration = 99 });
            """);

        var build = await consumer.BuildAsync();
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Diagnostics);
        var run = await consumer.RunAsync();
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.Contains("""json {"model":"acme-video-1","image_urls":["https://images.example.com/lighthouse.jpg"],"aspect_ratio":"16:9","resolution":"480p","duration":2}""", lines);
        Assert.Contains("public False", lines);
        Assert.Contains("shipped-types 0", lines);
    }
}
