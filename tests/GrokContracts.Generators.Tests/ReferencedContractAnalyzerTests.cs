using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GrokContracts.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Generators.Tests;

/// <summary>GRK104: a project spec whose request type a referenced assembly (here the real GrokContracts.dll) already declares.</summary>
public sealed class ReferencedContractAnalyzerTests
{
    [Fact]
    public async Task A_project_spec_in_the_shipped_namespace_is_GRK104_at_its_model_value()
    {
        var spec = new SpecInput("/project/contracts/official.yaml", TestSpecs.OfficialText);

        var diagnostic = Assert.Single(await RunAsync(WithShippedTypes(), spec));

        Assert.Equal("GRK104", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("GrokContracts.GrokImagineVideo15Official.VideoGenerationRequest", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/contracts/official.yaml", span.Path);
        Assert.Equal(TestSpecs.OfficialText.Split('\n').ToList().FindIndex(l => l.StartsWith("model:", StringComparison.Ordinal)), span.StartLinePosition.Line);
        Assert.Equal("https://github.com/grokcontracts/grokcontracts/blob/main/docs/rules/GRK104.md", diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public async Task Own_namespace_shipped_specs_and_specs_not_generated_are_fine()
    {
        var ownNamespace = new SpecInput("/project/contracts/official.yaml", TestSpecs.OfficialText, Namespace: "MyApp.Contracts");
        var shipped = new SpecInput("/package/spec/beta.yaml", TestSpecs.BetaText, Shipped: true);

        Assert.Empty(await RunAsync(WithShippedTypes(), ownNamespace, shipped));
        // Against the runtime's API alone (no shipped types compiled in) nothing clashes either.
        Assert.Empty(await RunAsync(GeneratorRunner.References, new SpecInput("/project/official.yaml", TestSpecs.OfficialText)));
    }

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

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(ImmutableArray<MetadataReference> references, params SpecInput[] specs)
    {
        var compilation = CSharpCompilation.Create(
            "User",
            [CSharpSyntaxTree.ParseText("namespace User { internal static class A { } }", GeneratorRunner.ParseOptions())],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var exceptions = new List<string>();
        var options = new AnalyzerOptions([.. specs.Select(s => (AdditionalText)new TestAdditionalText(s.Path, s.Text))], TestOptionsProvider.For(specs));
        var diagnostics = await compilation.WithAnalyzers(
            [new ReferencedContractAnalyzer()],
            new CompilationWithAnalyzersOptions(options, (exception, _, _) => exceptions.Add(exception.ToString()), concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.Count == 0, string.Join("\n", exceptions));
        return diagnostics;
    }
}
