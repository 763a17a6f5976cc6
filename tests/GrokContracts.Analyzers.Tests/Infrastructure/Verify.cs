using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Generators.Payload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace GrokContracts.Analyzers.Tests.Infrastructure;

/// <summary>Options of a test compilation: language version, nullable context, specs.</summary>
public sealed record TestOptions
{
    public static readonly TestOptions Default = new();

    public LanguageVersion LanguageVersion { get; init; } = LanguageVersion.Latest;

    public NullableContextOptions Nullable { get; init; } = NullableContextOptions.Enable;

    public bool WithSpecs { get; init; } = true;

    public string? EditorConfig { get; init; }

    /// <summary>Runs the contract generator and references the runtime library, so the typed API exists.</summary>
    public bool WithGenerator { get; init; }

    public static TestOptions Generated => new() { WithGenerator = true };

    /// <summary>Broken code on purpose: compiler errors are not compared.</summary>
    public bool IgnoreCompilerDiagnostics { get; init; }

    public static TestOptions CSharp73 => new() { LanguageVersion = LanguageVersion.CSharp7_3, Nullable = NullableContextOptions.Disable };

    public static TestOptions NullableDisabled => new() { Nullable = NullableContextOptions.Disable };
}

/// <summary>Runs the payload analyzer (and a fixer) the way the IDE and the build do.</summary>
public static class Verify
{
    /// <summary>.NET 8 reference assemblies (System.Text.Json.Nodes included), from the local package cache when present.</summary>
    public static readonly ReferenceAssemblies Net80 = new(
        "net8.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.31"),
        Path.Combine("ref", "net8.0"));

    /// <summary>An expected payload diagnostic; its additional locations (data for the fixes) are not compared.</summary>
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, Severity(id)).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    public static DiagnosticSeverity Severity(string id) => id switch
    {
        "GRK007" or "GRK008" => DiagnosticSeverity.Warning,
        "GRK009" => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Error,
    };

    public static Task Analyzer(string source, params DiagnosticResult[] expected) => Analyzer(source, TestOptions.Default, expected);

    public static async Task Analyzer(string source, TestOptions options, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest(options) { TestCode = source };
        if (options.IgnoreCompilerDiagnostics)
        {
            test.CompilerDiagnostics = CompilerDiagnostics.None;
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public static Task CodeFix<TFixer>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TFixer : CodeFixProvider, new()
        => CodeFix<TFixer>(source, fixedSource, TestOptions.Default, codeActionIndex: null, expected);

    public static async Task CodeFix<TFixer>(string source, string fixedSource, TestOptions options, int? codeActionIndex, params DiagnosticResult[] expected)
        where TFixer : CodeFixProvider, new()
    {
        var test = new FixTest<TFixer>(options) { TestCode = source, FixedCode = fixedSource, CodeActionIndex = codeActionIndex };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Fix All across documents: every source in <paramref name="sources"/> is fixed in one pass.</summary>
    public static Task FixAll<TFixer>(IReadOnlyList<string> sources, IReadOnlyList<string> fixedSources, params DiagnosticResult[] expected)
        where TFixer : CodeFixProvider, new()
        => FixAll<TFixer>(TestOptions.Default, sources, fixedSources, expected);

    /// <summary>Fix All with <paramref name="options"/>.</summary>
    public static async Task FixAll<TFixer>(TestOptions options, IReadOnlyList<string> sources, IReadOnlyList<string> fixedSources, params DiagnosticResult[] expected)
        where TFixer : CodeFixProvider, new()
    {
        var test = new FixTest<TFixer>(options);
        test.ExpectedDiagnostics.AddRange(expected);
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var fixedSource in fixedSources)
        {
            test.FixedState.Sources.Add(fixedSource);
        }

        await test.RunAsync(CancellationToken.None);
    }

    internal static void Configure(SolutionState state, TestOptions options)
    {
        if (options.WithGenerator)
        {
            state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(GrokContracts.IContractRequest).Assembly.Location));
        }

        if (options.WithSpecs)
        {
            state.AdditionalFiles.Add((TestSpecs.OfficialPath, TestSpecs.Official));
            state.AdditionalFiles.Add((TestSpecs.BetaPath, TestSpecs.Beta));
            state.AnalyzerConfigFiles.Add(("/.globalconfig", TestSpecs.GlobalConfig));
        }

        if (options.EditorConfig is { } editorConfig)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }
    }

    private static CompilationOptions Compilation(CompilationOptions options, TestOptions testOptions) =>
        ((CSharpCompilationOptions)options).WithNullableContextOptions(testOptions.Nullable);

    private static ParseOptions Parse(ParseOptions options, TestOptions testOptions) =>
        ((CSharpParseOptions)options).WithLanguageVersion(testOptions.LanguageVersion);

    private sealed class AnalyzerTest : CSharpAnalyzerTest<PayloadAnalyzer, DefaultVerifier>
    {
        private readonly TestOptions _options;

        public AnalyzerTest(TestOptions options)
        {
            _options = options;
            ReferenceAssemblies = Net80;
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            Configure(TestState, options);
        }

        protected override IEnumerable<System.Type> GetSourceGenerators() =>
            _options.WithGenerator ? new[] { typeof(GrokContracts.Generators.ContractGenerator) } : System.Array.Empty<System.Type>();

        protected override CompilationOptions CreateCompilationOptions() => Compilation(base.CreateCompilationOptions(), _options);

        protected override ParseOptions CreateParseOptions() => Parse(base.CreateParseOptions(), _options);
    }

    private sealed class FixTest<TFixer> : CSharpCodeFixTest<PayloadAnalyzer, TFixer, DefaultVerifier>
        where TFixer : CodeFixProvider, new()
    {
        private readonly TestOptions _options;

        public FixTest(TestOptions options)
        {
            _options = options;
            ReferenceAssemblies = Net80;
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            Configure(TestState, options);
        }

        protected override IEnumerable<System.Type> GetSourceGenerators() =>
            _options.WithGenerator ? new[] { typeof(GrokContracts.Generators.ContractGenerator) } : System.Array.Empty<System.Type>();

        protected override CompilationOptions CreateCompilationOptions() => Compilation(base.CreateCompilationOptions(), _options);

        protected override ParseOptions CreateParseOptions() => Parse(base.CreateParseOptions(), _options);
    }
}
