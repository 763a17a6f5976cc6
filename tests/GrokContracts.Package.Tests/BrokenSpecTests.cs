using System.Linq;
using System.Threading.Tasks;
using GrokContracts.Package.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GrokContracts.Package.Tests;

/// <summary>A broken project spec is a GRK1xx error at its line, never a generator or analyzer crash.</summary>
public sealed class BrokenSpecTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Broken_project_specs_give_GRK100_and_GRK101_at_their_lines_and_the_build_does_not_crash()
    {
        var consumer = await ConsumerProject.CreateAsync("broken", log, """
              <ItemGroup>
                <GrokContractSpec Include="contracts/*.yaml" />
              </ItemGroup>
            """);
        var official = ShippedSpec.Read(ShippedSpec.Official);
        // Not YAML: a second "key:" inside a plain value.
        var syntax = ShippedSpec.Edit(
            ShippedSpec.Edit(official, "model: grok-imagine-video-1.5-official", "model: acme-syntax"),
            "    nonEmpty: true\n",
            "    nonEmpty: true: false\n");
        // YAML, but not a spec: a maximum that is not a number.
        var schema = ShippedSpec.Edit(
            ShippedSpec.Edit(official, "model: grok-imagine-video-1.5-official", "model: acme-schema"),
            "    maximum: 15\n",
            "    maximum: fifteen\n");
        consumer.WriteFile("contracts/syntax.yaml", syntax);
        consumer.WriteFile("contracts/schema.yaml", schema);
        // The shipped specs still work next to the broken ones.
        consumer.WriteFile("Program.cs", """
            using GrokContracts.GrokImagineVideo15Official;
            Console.WriteLine(new VideoGenerationRequest("A lighthouse", "https://images.example.com/lighthouse.jpg").ToJson());
            """);

        var build = await consumer.BuildAsync();

        Assert.False(build.Succeeded, build.ToString());
        var grk100 = Assert.Single(build.Diagnostics, d => d.Id == "GRK100");
        Assert.Equal(("syntax.yaml", "error"), (grk100.FileName, grk100.Severity));
        Assert.Equal(ShippedSpec.LineOf(syntax, "nonEmpty: true: false"), grk100.Line);
        var grk101 = Assert.Single(build.Diagnostics, d => d.Id == "GRK101");
        Assert.Equal(("schema.yaml", "error", ShippedSpec.LineOf(schema, "maximum: fifteen")), (grk101.FileName, grk101.Severity, grk101.Line));
        Assert.Equal("    maximum: ".Length + 1, grk101.Column);
        // Follow-on: the range message template names {maximum}, which the broken spec no longer has.
        var grk102 = Assert.Single(build.Diagnostics, d => d.Id == "GRK102");
        Assert.Equal(("schema.yaml", ShippedSpec.LineOf(schema, "range: \"duration must be")), (grk102.FileName, grk102.Line));
        // Only spec diagnostics in spec files: no CS8784/CS8785 (generator failed), no AD0001 (analyzer threw),
        // no C# error (the typed API of the shipped specs is still generated).
        Assert.All(build.Diagnostics, d => Assert.True(d.Id.StartsWith("GRK1", System.StringComparison.Ordinal) && d.FileName.EndsWith(".yaml", System.StringComparison.Ordinal), d.ToString()));
        Assert.DoesNotContain("CS8785", build.Process.Output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", build.Process.Output, System.StringComparison.Ordinal);
    }
}
