using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using System.Threading;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.Generators.Payload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

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
        var first = Load(new SpecText(TestSpecs.OfficialPath, TestSpecs.Official));
        var second = Load(new SpecText(TestSpecs.OfficialPath, TestSpecs.Official));
        Assert.Same(first!["grok-imagine-video-1.5-official"], second!["grok-imagine-video-1.5-official"]);
    }

    [Fact]
    public void EditedSpecIsParsedAgain()
    {
        var first = Load(new SpecText("/cache/edited.yaml", TestSpecs.Official));
        var edited = Load(new SpecText("/cache/edited.yaml", TestSpecs.Official.Replace("maximum: 15", "maximum: 12", System.StringComparison.Ordinal)));
        Assert.NotSame(first!["grok-imagine-video-1.5-official"], edited!["grok-imagine-video-1.5-official"]);
    }

    [Fact]
    public void NoTaggedSpecsLoadsNothing() =>
        Assert.Null(Load(new SpecText("/other/notes.yaml", TestSpecs.Official), tagged: false));

    private static IReadOnlyDictionary<string, GrokContracts.Spec.Contract>? Load(AdditionalText file, bool tagged = true)
    {
        var type = typeof(PayloadAnalyzer).Assembly.GetType("GrokContracts.Generators.Payload.KnownContracts", throwOnError: true)!;
        var options = new AnalyzerOptions(ImmutableArray.Create(file), new SpecMetadata(tagged));
        var known = type.GetMethod("Load", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new object[] { options, CancellationToken.None });
        return known is null ? null : (IReadOnlyDictionary<string, GrokContracts.Spec.Contract>)type.GetProperty("ByModelId")!.GetValue(known)!;
    }
}
