using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Generators.Tests.TestSupport;

/// <summary>Runs <see cref="SpecFileAnalyzer"/> over spec inputs with <see cref="CompilationWithAnalyzers"/>; analyzer exceptions fail the run.</summary>
internal static class AnalyzerRunner
{
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(params SpecInput[] specs)
    {
        var compilation = GeneratorRunner.CreateCompilation(GeneratorRunner.ParseOptions(), sources: "namespace User { internal static class A { } }");
        var exceptions = new List<string>();
        var options = new AnalyzerOptions(
            [.. specs.Select(s => (AdditionalText)new TestAdditionalText(s.Path, s.Text))],
            TestOptionsProvider.For(specs));
        var withAnalyzers = compilation.WithAnalyzers(
            [new SpecFileAnalyzer()],
            new CompilationWithAnalyzersOptions(options, (exception, analyzer, diagnostic) => exceptions.Add(exception.ToString()), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.Count == 0, string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return [.. diagnostics.OrderBy(d => d.Location.GetLineSpan().Path).ThenBy(d => d.Location.GetLineSpan().StartLinePosition)];
    }
}
