using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace GrokContracts.Generators.Tests.TestSupport;

/// <summary>Runs <see cref="ContractGenerator"/> over spec inputs and returns the diagnostics it reports (GRK100-GRK103); a generator exception fails the run.</summary>
internal static class SpecDiagnosticRunner
{
    public static ImmutableArray<Diagnostic> Run(params SpecInput[] specs)
    {
        var result = GeneratorRunner.Run(specs, userSources: "namespace User { internal static class A { } }");
        Assert.Null(result.RunResult.Results.Single().Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CS8784" or "CS8785");
        return [.. result.Diagnostics.OrderBy(d => d.Location.GetLineSpan().Path).ThenBy(d => d.Location.GetLineSpan().StartLinePosition)];
    }
}
