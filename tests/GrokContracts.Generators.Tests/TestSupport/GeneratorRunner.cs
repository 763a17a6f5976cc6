using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokContracts.Generators.Tests.TestSupport;

/// <summary>Runs <see cref="ContractGenerator"/> through <see cref="CSharpGeneratorDriver"/> on spec inputs and compiles the result.</summary>
internal static class GeneratorRunner
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>The test host's trusted platform assemblies plus the runtime library's API (<see cref="RuntimeOnlyReference"/>).</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest)
        => new(version, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(
        CSharpParseOptions parseOptions,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        bool warningsAsErrors = true,
        params string[] sources)
    {
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, deterministic: true)
            .WithWarningLevel(9999)
            // As every .NET SDK build does (NoWarn 1701;1702): the runtime library was built against System.Text.Json 8,
            // the test host's references are 10; assembly unification is expected, not a problem of the generated code.
            .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]);
        if (warningsAsErrors)
        {
            options = options.WithGeneralDiagnosticOption(ReportDiagnostic.Error);
        }

        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: "/src/User" + i + ".cs"));
        return CSharpCompilation.Create("GeneratedContracts", trees, References, options);
    }

    public static GeneratorDriver CreateDriver(IReadOnlyCollection<SpecInput> specs, CSharpParseOptions parseOptions, bool trackSteps = true)
        => CreateDriver(specs, specs.Select(s => (AdditionalText)new TestAdditionalText(s.Path, s.Text)), parseOptions, trackSteps);

    public static GeneratorDriver CreateDriver(IReadOnlyCollection<SpecInput> specs, IEnumerable<AdditionalText> texts, CSharpParseOptions parseOptions, bool trackSteps = true)
    {
        return CSharpGeneratorDriver.Create(
            [new ContractGenerator().AsSourceGenerator()],
            texts,
            parseOptions,
            TestOptionsProvider.For(specs),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>Runs the generator on <paramref name="specs"/> in a compilation of <paramref name="userSources"/>.</summary>
    public static GenerationResult Run(
        IReadOnlyCollection<SpecInput> specs,
        LanguageVersion version = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        params string[] userSources)
    {
        var parseOptions = ParseOptions(version);
        var compilation = CreateCompilation(parseOptions, nullable, true, userSources);
        var driver = CreateDriver(specs, parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GenerationResult(driver, output, driver.GetRunResult(), diagnostics);
    }

    /// <summary>Emits <paramref name="compilation"/> and loads it; fails with the diagnostics when it does not compile.</summary>
    public static Assembly EmitAndLoad(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return Assembly.Load(stream.ToArray());
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        // The runtime library as API only, without the shipped channels' types it has compiled in (RuntimeOnlyReference).
        var runtime = typeof(GrokContracts.IContractRequest).Assembly.Location;
        paths.RemoveAll(p => string.Equals(Path.GetFileName(p), Path.GetFileName(runtime), StringComparison.OrdinalIgnoreCase));
        var platform = paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        return [.. platform, RuntimeOnlyReference.Create(platform)];
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GenerationResult(GeneratorDriver Driver, Compilation Compilation, GeneratorDriverRunResult RunResult, ImmutableArray<Diagnostic> Diagnostics)
{
    public ImmutableArray<GeneratedSourceResult> Sources => RunResult.Results.Single().GeneratedSources;

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();
}
