using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using GrokContracts.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokContracts.Generators.Tests;

/// <summary>
/// GRK104 and "types once per build graph": a project spec whose request type a referenced assembly (here the real
/// GrokContracts.dll, which declares the shipped channels' types) already declares is not generated again, and the
/// generator itself says so at the spec's <c>model:</c> value.
/// </summary>
public sealed class ReferencedDeclarationTests
{
    private const string UsesShippedTypes = """
        using GrokContracts.GrokImagineVideo15Official;

        namespace User
        {
            internal static class Uses
            {
                internal static VideoGenerationRequest Make() => new VideoGenerationRequest("p", "https://images.example.com/a.jpg");
            }
        }
        """;

    [Fact]
    public void A_project_spec_in_the_shipped_namespace_is_GRK104_at_its_model_value_and_is_not_generated_again()
    {
        var spec = new SpecInput("/project/contracts/official.yaml", TestSpecs.OfficialText);

        var (run, diagnostics) = Run(WithShippedTypes(), [spec], UsesShippedTypes);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("GRK104", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("GrokContracts.GrokImagineVideo15Official.VideoGenerationRequest", message, StringComparison.Ordinal);
        Assert.Contains("referenced assembly GrokContracts", message, StringComparison.Ordinal);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/contracts/official.yaml", span.Path);
        var modelLine = TestSpecs.OfficialText.Split('\n').ToList().FindIndex(l => l.StartsWith("model:", StringComparison.Ordinal));
        Assert.Equal(modelLine, span.StartLinePosition.Line);
        Assert.Equal("model: ".Length, span.StartLinePosition.Character);
        Assert.Equal("https://github.com/grokcontracts/grokcontracts/blob/main/docs/rules/GRK104.md", diagnostic.Descriptor.HelpLinkUri);

        // Nothing generated, so the user's code binds to the referenced types: no CS0436, no ambiguity.
        Assert.Empty(run.Results.Single().GeneratedSources);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Own_namespace_and_specs_marked_not_generated_are_fine()
    {
        var ownNamespace = new SpecInput("/project/contracts/official.yaml", TestSpecs.OfficialText, Namespace: "MyApp.Contracts");
        var shippedElsewhere = new SpecInput("/package/spec/beta.yaml", TestSpecs.BetaText, Shipped: true, Generate: false);

        var (run, diagnostics) = Run(WithShippedTypes(), [ownNamespace, shippedElsewhere], UsesShippedTypes);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(diagnostics);
        var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.NotEmpty(hints);
        Assert.All(hints, h => Assert.StartsWith("GrokImagineVideo15Official", h, StringComparison.Ordinal));
    }

    [Fact]
    public void Against_the_runtime_API_alone_the_same_spec_is_generated_without_GRK104()
    {
        var spec = new SpecInput("/project/contracts/official.yaml", TestSpecs.OfficialText);

        var (run, diagnostics) = Run(GeneratorRunner.References, [spec], UsesShippedTypes);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(diagnostics);
        Assert.NotEmpty(run.Results.Single().GeneratedSources);
    }

    [Fact]
    public void A_C_sharp_edit_leaves_the_reference_lookup_unchanged_and_every_output_cached()
    {
        var spec = new SpecInput("/project/contracts/official.yaml", TestSpecs.OfficialText);
        var parseOptions = GeneratorRunner.ParseOptions();
        var compilation = Compile(WithShippedTypes(), parseOptions, UsesShippedTypes);
        var driver = GeneratorRunner.CreateDriver([spec], parseOptions).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace User { internal static class B { } }", parseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var steps = result.TrackedSteps[TrackingNames.ReferencedDeclarations];
        Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(
            result.TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Single(result.Diagnostics, d => d.Id == "GRK104");
    }

    /// <summary>Runs the generator and returns its result and the warnings and errors of the compilation with its output.</summary>
    private static (GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> CompileDiagnostics) Run(
        ImmutableArray<MetadataReference> references, SpecInput[] specs, string source)
    {
        var parseOptions = GeneratorRunner.ParseOptions();
        var driver = GeneratorRunner.CreateDriver(specs, parseOptions)
            .RunGeneratorsAndUpdateCompilation(Compile(references, parseOptions, source), out var output, out _);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return (driver.GetRunResult(), problems);
    }

    private static CSharpCompilation Compile(ImmutableArray<MetadataReference> references, CSharpParseOptions parseOptions, string source) =>
        CSharpCompilation.Create(
            "User",
            [CSharpSyntaxTree.ParseText(source, parseOptions, path: "/src/Uses.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

    /// <summary>The platform plus the built GrokContracts.dll, which declares the shipped channels' types.</summary>
    private static ImmutableArray<MetadataReference> WithShippedTypes()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
        var runtime = typeof(GrokContracts.IContractRequest).Assembly.Location;
        paths.RemoveAll(p => string.Equals(Path.GetFileName(p), Path.GetFileName(runtime), StringComparison.OrdinalIgnoreCase));
        paths.Add(runtime);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
