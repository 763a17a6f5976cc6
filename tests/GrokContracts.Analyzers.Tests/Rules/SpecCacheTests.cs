using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Threading;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.Generators.Payload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>
/// The analyzer parses each spec once: a new compilation with the same spec text (typing in C#) reuses the parsed
/// contract; an edited spec is parsed again; a project without specs loads nothing.
/// </summary>
public sealed class SpecCacheTests
{
    [Fact]
    public void SameSpecTextIsNotReparsed()
    {
        var first = Load(new TestText(TestSpecs.OfficialPath, TestSpecs.Official));
        var second = Load(new TestText(TestSpecs.OfficialPath, TestSpecs.Official));
        Assert.Same(first!["grok-imagine-video-1.5-official"], second!["grok-imagine-video-1.5-official"]);
    }

    [Fact]
    public void EditedSpecIsParsedAgain()
    {
        var first = Load(new TestText("/cache/edited.yaml", TestSpecs.Official));
        var edited = Load(new TestText("/cache/edited.yaml", TestSpecs.Official.Replace("maximum: 15", "maximum: 12", System.StringComparison.Ordinal)));
        Assert.NotSame(first!["grok-imagine-video-1.5-official"], edited!["grok-imagine-video-1.5-official"]);
    }

    [Fact]
    public void NoTaggedSpecsLoadsNothing() =>
        Assert.Null(Load(new TestText("/other/notes.yaml", TestSpecs.Official), tagged: false));

    private static IReadOnlyDictionary<string, GrokContracts.Spec.Contract>? Load(AdditionalText file, bool tagged = true)
    {
        var type = typeof(PayloadAnalyzer).Assembly.GetType("GrokContracts.Generators.Payload.KnownContracts", throwOnError: true)!;
        var options = new AnalyzerOptions(ImmutableArray.Create(file), new Provider(tagged));
        var known = type.GetMethod("Load", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new object[] { options, CancellationToken.None });
        return known is null ? null : (IReadOnlyDictionary<string, GrokContracts.Spec.Contract>)type.GetProperty("ByModelId")!.GetValue(known)!;
    }

    private sealed class TestText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Provider(bool tagged) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(false);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(tagged);
    }

    private sealed class Options(bool tagged) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = tagged && key == "build_metadata.AdditionalFiles.GrokContract" ? "true" : null;
            return value is not null;
        }
    }
}
