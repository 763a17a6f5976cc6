using System;
using System.IO;
using System.Linq;
using GrokContracts.Generators.Tests.TestSupport;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokContracts.Generators.Tests;

/// <summary>
/// The generator is driven by the spec alone: a synthetic spec (TestSpecs/edge-cases.yaml) with shapes the
/// shipped specs lack compiles without warnings in every language version and behaves as its spec says.
/// </summary>
public sealed class EdgeCaseSpecTests
{
    private static readonly SpecInput Spec = new("/project/edge-cases.yaml", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "specs", "edge-cases.yaml")));

    private const string User = """
        using Acme.Video.Clips;

        internal static class EdgeUsage
        {
            internal static string Use()
            {
                var request = new ClipRequest("wedding", 42).WithStyle(ClipStyle.Noir).WithLoop(true).WithImageUrls("https://example.com/a.png").WithCallbackUrl(null);
                return request.ToJson() + V3dClipV2Channel.EstimateCredits(request) + V3dClipV2Channel.StrengthDefault + request.Event;
            }
        }
        """;

    [Fact]
    public void The_spec_parses_cleanly()
    {
        var result = ContractParser.Parse(Spec.Text, Spec.Path);
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Integer_bounds_outside_int_give_GRK102_and_no_output()
    {
        var spec = Spec with { Text = Spec.Text.Replace("maximum: 1000000", "maximum: 10000000000", StringComparison.Ordinal) };
        Assert.NotEqual(Spec.Text, spec.Text);

        Assert.Empty(GeneratorRunner.Run([spec]).Sources);
        var diagnostic = Assert.Single(SpecDiagnosticRunner.Run(spec));
        Assert.Equal("GRK102", diagnostic.Id);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.CSharp8, NullableContextOptions.Enable)]
    [InlineData(LanguageVersion.CSharp10, NullableContextOptions.Warnings)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Enable)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Disable)]
    public void Generated_code_compiles_without_warnings(LanguageVersion version, NullableContextOptions nullable)
    {
        var result = GeneratorRunner.Run([Spec], version, nullable, User);
        Assert.Equal(3, result.Sources.Length);
        var diagnostics = result.Compilation.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void Generated_code_behaves_as_the_spec_says()
    {
        var assembly = GeneratorRunner.EmitAndLoad(GeneratorRunner.Run([Spec]).Compilation);
        var type = assembly.GetType("Acme.Video.Clips.ClipRequest", throwOnError: true)!;
        var request = (IContractRequest)Activator.CreateInstance(type, "wedding", 42)!;

        Assert.Equal("{\"model\":\"3d-clip-v2\",\"event\":\"wedding\",\"seed\":42,\"strength\":1.25}", ContractJson.ToJson(request));
        Assert.Empty(request.Validate());

        var bad = GeneratedApi.With(GeneratedApi.With(GeneratedApi.With(GeneratedApi.With(request, "Event", ""), "Seed", -1), "CallbackUrl", "ftp://x"), "Strength", 3.0);
        // No validation order in the spec: the parser's default, declaration order.
        Assert.Equal(
            ["40001 $.event: event must not be empty", "40003 $.seed: seed must be 0-1000000", "40003 $.strength: strength must be 0.5-2.5", "40005 $.callback_url: callback_url must be a public http(s) URL"],
            bad.Validate().Select(v => v.ToString()));

        var channel = assembly.GetType("Acme.Video.Clips.V3dClipV2Channel", throwOnError: true)!;
        var withStyle = GeneratedApi.With(request, "Style", Enum.Parse(assembly.GetType("Acme.Video.Clips.ClipStyle")!, "Noir"));
        Assert.Equal(1260L, channel.GetMethod("EstimateCredits", [type])!.Invoke(null, [withStyle]));
        Assert.Contains("\"style\":\"noir\"", ContractJson.ToJson(withStyle));
        Assert.Contains("\"style\":\"a\\u0026b\"", ContractJson.ToJson(GeneratedApi.With(request, "Style", Enum.Parse(assembly.GetType("Acme.Video.Clips.ClipStyle")!, "AAndB"))));
    }

    [Fact]
    public void Allowed_values_with_characters_to_escape_survive_as_csharp_literals_and_wire_json()
    {
        const string odd = "q\"b\\t\tl\u2028p\u0085e\U0001F600";
        var assembly = GeneratorRunner.EmitAndLoad(GeneratorRunner.Run([Spec]).Compilation);
        var style = assembly.GetType("Acme.Video.Clips.ClipStyle", throwOnError: true)!;
        var wire = assembly.GetType("Acme.Video.Clips.ClipStyleWire", throwOnError: true)!;
        var member = Enum.Parse(style, "Odd");

        Assert.Equal(odd, wire.GetMethod("ToWireValue", [style])!.Invoke(null, [member]));
        Assert.Equal(member, wire.GetMethod("Parse", [typeof(string)])!.Invoke(null, [odd]));

        var request = GeneratedApi.With((IContractRequest)Activator.CreateInstance(assembly.GetType("Acme.Video.Clips.ClipRequest", throwOnError: true)!, "wedding", 42)!, "Style", member);
        using var json = System.Text.Json.JsonDocument.Parse(ContractJson.ToJson(request));
        Assert.Equal(odd, json.RootElement.GetProperty("style").GetString());
    }
}
