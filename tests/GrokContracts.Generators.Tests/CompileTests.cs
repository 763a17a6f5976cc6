using System.Linq;
using GrokContracts.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokContracts.Generators.Tests;

/// <summary>
/// The generated code compiles with zero diagnostics (every warning reported as an error, warning level 9999,
/// documentation mode Diagnose so CS1591 counts) for both specs, in C# 7.3 to latest and every Nullable setting,
/// together with user code that calls the generated API the way the README does.
/// </summary>
public sealed class CompileTests
{
    public static TheoryData<string, LanguageVersion, NullableContextOptions> Matrix()
    {
        var data = new TheoryData<string, LanguageVersion, NullableContextOptions>();
        foreach (var spec in new[] { "official", "beta" })
        {
            foreach (var version in new[] { LanguageVersion.CSharp7_3, LanguageVersion.CSharp8, LanguageVersion.CSharp10, LanguageVersion.CSharp12, LanguageVersion.Latest })
            {
                foreach (var nullable in new[] { NullableContextOptions.Disable, NullableContextOptions.Enable, NullableContextOptions.Warnings })
                {
                    if (version < LanguageVersion.CSharp8 && nullable != NullableContextOptions.Disable)
                    {
                        // The compiler rejects Nullable != disable below C# 8 (CS8630) whatever the code.
                        continue;
                    }

                    data.Add(spec, version, nullable);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Generated_code_compiles_without_warnings(string spec, LanguageVersion version, NullableContextOptions nullable)
    {
        var (input, user) = spec == "official" ? (TestSpecs.Official, UserCode.Official) : (TestSpecs.Beta, UserCode.Beta);
        var result = GeneratorRunner.Run([input], version, nullable, user);

        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.Sources);
        var diagnostics = result.Compilation.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void Nullable_directive_only_from_CSharp_8()
    {
        var old = GeneratorRunner.Run([TestSpecs.Beta], LanguageVersion.CSharp7_3, NullableContextOptions.Disable);
        var modern = GeneratorRunner.Run([TestSpecs.Beta], LanguageVersion.CSharp8, NullableContextOptions.Disable);

        Assert.All(old.Sources, s => Assert.DoesNotContain("#nullable", s.SourceText.ToString()));
        Assert.All(old.Sources, s => Assert.DoesNotContain("string?", s.SourceText.ToString()));
        Assert.All(modern.Sources, s => Assert.Contains("#nullable enable", s.SourceText.ToString()));
        Assert.Contains("public string? Prompt", modern.Source("GrokImagineVideo15Beta.VideoGenerationRequest.g.cs"));
    }
}

/// <summary>User code that calls the generated API; compiles as C# 7.3 (no nullable annotations, no newer syntax).</summary>
internal static class UserCode
{
    public const string Official = """
        using GrokContracts.GrokImagineVideo15Official;

        internal static class OfficialUsage
        {
            internal static string Use()
            {
                var request = new VideoGenerationRequest("A slow dolly-in on a lighthouse at dusk, waves crashing", "https://example.com/lighthouse.png")
                    .WithAspectRatio(AspectRatio.Portrait9x16)
                    .WithResolution(Resolution.P720)
                    .WithDuration(10)
                    .WithAudio(false);
                var violations = request.EnsureValid().Validate();
                global::GrokContracts.PixelSize size;
                var known = GrokImagineVideo15OfficialChannel.TryGetOutputSize(request, out size);
                long? credits = GrokImagineVideo15OfficialChannel.EstimateCredits(request, 0.05m);
                AspectRatio parsed;
                var ok = AspectRatioWire.TryParse("16:9", out parsed);
                return request.ToJson() + violations.Count + known + credits + ok + parsed.ToWireValue()
                    + GrokImagineVideo15OfficialChannel.DurationMaximum + GrokImagineVideo15OfficialChannel.FormatPollPath("task_1")
                    + GrokImagineVideo15OfficialChannel.VideoUrlsValidFor;
            }
        }
        """;

    public const string Beta = """
        using GrokContracts.GrokImagineVideo15Beta;

        internal static class BetaUsage
        {
            internal static string Use()
            {
                var request = new VideoGenerationRequest("https://example.com/cat.webp")
                    .WithAspectRatio(AspectRatio.Auto)
                    .WithDuration(5)
                    .WithNsfwChecker(true)
                    .WithPrompt("The cat yawns");
                int? duration = request.Duration;
                bool? nsfw = request.NsfwChecker;
                global::GrokContracts.PixelSize size;
                var known = GrokImagineVideo15BetaChannel.TryGetOutputSize(request, out size);
                return request.ToJson() + duration + nsfw + known + GrokImagineVideo15BetaChannel.EstimateCredits(request.WithDuration(null), 0.08m);
            }
        }
        """;
}
