using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using GrokContracts.Generators;
using GrokContracts.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokContracts.Benchmarks;

/// <summary>
/// Issue 6 item 2: the generator's cost through <see cref="CSharpGeneratorDriver"/>. Cold = a new driver on the two
/// shipped specs; warm = the driver that already ran, after an unrelated C# edit (target ≤ 0.1× cold, same run).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpParseOptions _parseOptions = null!;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private SpecInput[] _specs = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        _compilation = GeneratorInputs.Compilation(_parseOptions, "namespace User { public static class A { public static int F() => 1; } }");
        _edited = _compilation.ReplaceSyntaxTree(
            _compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("namespace User { public static class A { public static int F() => 2; } }", _parseOptions, path: "/src/User0.cs"));
        _specs = [TestSpecs.Official, TestSpecs.Beta];
        _warm = GeneratorInputs.Driver(_specs, _parseOptions).RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true, Description = "cold: 2 shipped specs")]
    public GeneratorDriver Cold() => GeneratorInputs.Driver(_specs, _parseOptions).RunGenerators(_compilation);

    [Benchmark(Description = "warm: unrelated C# edit")]
    public GeneratorDriver WarmAfterUnrelatedEdit() => _warm.RunGenerators(_edited);
}

/// <summary>Issue 6 item 2: how the cold run grows with the number of specs (copies of the official spec under distinct model ids).</summary>
[MemoryDiagnoser]
public class GeneratorScalingBenchmarks
{
    private CSharpParseOptions _parseOptions = null!;
    private CSharpCompilation _compilation = null!;
    private SpecInput[] _specs = null!;

    [Params(1, 10, 100)]
    public int Specs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        _compilation = GeneratorInputs.Compilation(_parseOptions, "namespace User { public static class A { } }");
        var official = TestSpecs.OfficialText;
        _specs = [.. Enumerable.Range(0, Specs).Select(i => new SpecInput(
            $"/specs/scaled-{i}.yaml",
            official.Replace("model: grok-imagine-video-1.5-official", $"model: grok-imagine-video-1.5-scaled{i}", StringComparison.Ordinal)))];
    }

    [Benchmark(Description = "cold: N specs")]
    public GeneratorDriver Cold() => GeneratorInputs.Driver(_specs, _parseOptions).RunGenerators(_compilation);
}

internal static class GeneratorInputs
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    [
        .. ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(IContractRequest).Assembly.Location)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
    ]);

    public static CSharpCompilation Compilation(CSharpParseOptions parseOptions, string source) =>
        CSharpCompilation.Create(
            "Bench",
            [CSharpSyntaxTree.ParseText(source, parseOptions, path: "/src/User0.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static GeneratorDriver Driver(IReadOnlyCollection<SpecInput> specs, CSharpParseOptions parseOptions) =>
        CSharpGeneratorDriver.Create(
            [new ContractGenerator().AsSourceGenerator()],
            specs.Select(s => (AdditionalText)new TestAdditionalText(s.Path, s.Text)),
            parseOptions,
            TestOptionsProvider.For(specs),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
}
