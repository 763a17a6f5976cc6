using System.Collections.Immutable;
using GrokContracts.Generators.Model;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokContracts.Generators;

/// <summary>
/// Turns contract specs (AdditionalFiles with <c>GrokContract=true</c>) into typed requests, enums with wire
/// values, and a static class of channel facts. The pipeline never looks at C# syntax, and at the compilation only
/// to ask its referenced assemblies whether they already declare a contract's request type (GRK104):
/// spec text and MSBuild metadata → <see cref="ParsedSpec"/> → <see cref="ContractTarget"/> → source.
/// A spec with errors produces no source but its GRK100-GRK104, reported here rather than by an analyzer: the
/// command-line compiler drops analyzer diagnostics when the compilation has errors, and a broken spec causes
/// errors (its types vanish), so only the generator can make them reach <c>dotnet build</c> (see README.md).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class ContractGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Each additional file with its own options, reduced at once to strings and bools: nothing of
        // Roslyn's survives the first Select. The combine before it only pairs Roslyn's own inputs, so it is
        // deliberately left untracked (its outputs are AdditionalText objects, not our model).
        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => ReadSpecFile(pair.Left, pair.Right.GetOptions(pair.Left), ct))
            .WithTrackingName(TrackingNames.AdditionalFiles)
            .Where(static file => file is not null)
            .WithTrackingName(TrackingNames.SpecFilter)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.SpecFiles);

        var parsedSpecs = specFiles
            .Select(static (file, ct) => Parse(file, ct))
            .WithTrackingName(TrackingNames.ParsedSpecs);

        var languageVersion = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions csharp ? (int)csharp.LanguageVersion : (int)LanguageVersion.CSharp7_3)
            .WithTrackingName(TrackingNames.LanguageVersion);

        // Precedence and duplicates need every spec at once; flattening again afterwards keeps one
        // contract's edit from re-emitting the others (their items compare equal and stay cached).
        var selection = parsedSpecs
            .Collect()
            .Select(static (specs, ct) => SelectContracts(specs, ct))
            .WithTrackingName(TrackingNames.ContractSelection);
        var contracts = selection
            .SelectMany(static (selection, _) => selection.Targets)
            .WithTrackingName(TrackingNames.Contracts);

        // Each spec's own GRK100-GRK102, per spec (one spec's edit leaves the others' cached), then the catalog's GRK103s.
        var specDiagnostics = parsedSpecs
            .Select(static (spec, _) => spec.Diagnostics)
            .WithTrackingName(TrackingNames.SpecDiagnostics);
        var catalogDiagnostics = selection
            .Select(static (selection, _) => selection.Diagnostics)
            .WithTrackingName(TrackingNames.CatalogDiagnostics);
        context.RegisterSourceOutput(specDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(catalogDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));

        // GRK104: a contract whose request type a referenced assembly already declares is not generated again (one
        // type per build graph); the generator says so itself, so the error reaches the build even when code fails.
        var referencedDeclarations = contracts
            .Collect()
            .Combine(context.CompilationProvider)
            .Select(static (pair, ct) => FindReferencedDeclarations(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.ReferencedDeclarations);
        var referenceDiagnostics = parsedSpecs
            .Collect()
            .Combine(referencedDeclarations)
            .Select(static (pair, _) => ReferenceDiagnostics(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ReferenceDiagnostics);
        context.RegisterSourceOutput(referenceDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));

        var toEmit = contracts
            .Combine(languageVersion)
            .Combine(referencedDeclarations)
            .Where(static pair => !IsDeclaredByReference(pair.Right, pair.Left.Left.Contract.ModelId))
            .Select(static (pair, _) => new EmitRequest(pair.Left.Left, pair.Left.Right))
            .WithTrackingName(TrackingNames.ContractsToEmit);

        context.RegisterSourceOutput(toEmit, static (spc, request) =>
        {
            foreach (var file in Emit(request, spc.CancellationToken))
            {
                spc.AddSource(file.HintName, file.Source);
            }
        });
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var info in diagnostics)
        {
            if (info.ToDiagnostic() is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    /// <summary>The files generated for one contract (hint name and text), in a stable order.</summary>
    internal static ImmutableArray<GeneratedSource> Emit(EmitRequest request, System.Threading.CancellationToken cancellationToken)
        => new Emitter(request.Target, request.LanguageVersion, cancellationToken).EmitAll();
}

/// <summary>One generated file.</summary>
/// <param name="HintName">Hint name, ending in <c>.g.cs</c>.</param>
/// <param name="Source">C# text with <c>\n</c> line endings.</param>
internal readonly record struct GeneratedSource(string HintName, string Source);
