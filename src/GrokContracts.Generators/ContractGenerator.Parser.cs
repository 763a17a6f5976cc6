using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using GrokContracts.Generators.Model;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Generators;

public sealed partial class ContractGenerator
{
    /// <summary>The spec file, or null when the additional file is not a contract spec.</summary>
    internal static SpecFile? ReadSpecFile(AdditionalText text, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        if (!SpecItemMetadata.IsContractSpec(options))
        {
            return null;
        }

        var content = text.GetText(cancellationToken)?.ToString();
        return new SpecFile(
            text.Path,
            content,
            SpecItemMetadata.NamespaceOf(options),
            SpecItemMetadata.IsInternal(options),
            SpecItemMetadata.IsShipped(options),
            SpecItemMetadata.IsGenerated(options));
    }

    /// <summary>
    /// Parses a spec file; a spec with errors gives a null contract and its GRK100-GRK102 as <see cref="DiagnosticInfo"/>s
    /// at the spec's own line and column (never an exception).
    /// </summary>
    internal static ParsedSpec Parse(SpecFile file, CancellationToken cancellationToken)
    {
        if (file.Text is null)
        {
            return new ParsedSpec(file.Path, null, null, file.Namespace, file.Internal, file.Shipped, EquatableArray<DiagnosticInfo>.Empty, null, file.Generated);
        }

        var result = ContractParser.Parse(file.Text, file.Path, cancellationToken);
        // Line and column become character offsets only here, where the text is at hand: the cached model keeps ints.
        var text = result.HasErrors || result.ModelIdSpan is not null ? SourceText.From(file.Text) : null;
        var diagnostics = new List<DiagnosticInfo>(result.Diagnostics.Count);
        foreach (var diagnostic in result.Diagnostics)
        {
            diagnostics.Add(new DiagnosticInfo(diagnostic.Id, diagnostic.Message, SpecLocation.From(file.Path, text!, diagnostic.Start, diagnostic.End)));
        }

        var modelId = result.ModelIdSpan is { } span ? SpecLocation.From(file.Path, text!, span.Start, span.End) : null;
        // A spec with errors (e.g. generated names that would collide, GRK102) generates nothing; its diagnostics say why.
        return new ParsedSpec(
            file.Path,
            result.HasErrors ? null : result.Contract,
            result.Contract?.ModelId ?? result.ModelId,
            file.Namespace,
            file.Internal,
            file.Shipped,
            EquatableArray.From(diagnostics),
            modelId,
            file.Generated);
    }

    /// <summary>
    /// Chooses the contracts to generate with the Spec library's <see cref="ContractCatalog"/> (its rule: a project
    /// spec replaces a shipped spec with the same model id, even when it is broken, and then nothing is generated for
    /// that id; a winner marked <c>GrokContractGenerate=false</c> is declared by a referenced assembly and not emitted; of several specs of one kind with the same model id the first, in AdditionalFiles order, wins and the
    /// others are GRK103). Hint prefixes are the PascalCase model id, stable across machines, plus a hash of the model
    /// id when two ids map to the same name.
    /// </summary>
    internal static ContractSelection SelectContracts(ImmutableArray<ParsedSpec> specs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = new List<(SpecParseResult Result, bool Shipped)>(specs.Length);
        foreach (var spec in specs)
        {
            // Only the catalog's own GRK103s are wanted here: each spec's own diagnostics are reported per spec.
            var result = new SpecParseResult(spec.Contract, EquatableArray<SpecDiagnostic>.Empty)
            {
                FilePath = spec.Path,
                ModelId = spec.ClaimedModelId,
                ModelIdSpan = spec.ModelIdLocation is { } at ? ToSpecSpan(at) : null,
            };
            entries.Add((result, spec.Shipped));
        }

        var catalog = new ContractCatalog(entries);
        var prefixCounts = new Dictionary<string, int>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var contract in catalog.Contracts)
        {
            var prefix = ContractNaming.ToPascalCase(contract.ModelId);
            prefixCounts[prefix] = prefixCounts.TryGetValue(prefix, out var count) ? count + 1 : 1;
        }

        var targets = new List<ContractTarget>(catalog.Contracts.Count);
        foreach (var winner in catalog.Winners)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (winner.Contract is not { } contract)
            {
                continue;
            }

            var spec = specs[winner.Index];
            if (!spec.Generated)
            {
                // Declared by a referenced assembly (the shipped channels' types live in GrokContracts.dll).
                continue;
            }

            var prefix = ContractNaming.ToPascalCase(contract.ModelId);
            if (prefixCounts[prefix] > 1)
            {
                prefix += "_" + StableHash.Hex8(contract.ModelId);
            }

            targets.Add(new ContractTarget(contract, ContractNaming.ChooseNamespace(spec.Namespace, contract), spec.Internal, prefix));
        }

        var duplicates = new List<DiagnosticInfo>();
        foreach (var diagnostic in catalog.Diagnostics)
        {
            var location = LocationOfModelId(specs, diagnostic.FilePath) ?? new SpecLocation(diagnostic.FilePath, 0, 0, 0, 0, 0, 0);
            duplicates.Add(new DiagnosticInfo(diagnostic.Id, diagnostic.Message, location));
        }

        return new ContractSelection(EquatableArray.From(targets), EquatableArray.From(duplicates));
    }

    // The catalog reports a GRK103 at a spec's model id, which Parse located already (the text is not at hand here).
    private static SpecLocation? LocationOfModelId(ImmutableArray<ParsedSpec> specs, string path)
    {
        foreach (var spec in specs)
        {
            if (spec.Path == path && spec.ModelIdLocation is { } location)
            {
                return location;
            }
        }

        return null;
    }

    private static SpecSpan ToSpecSpan(SpecLocation location) => new(
        new SpecPosition(location.StartLine + 1, location.StartColumn + 1),
        new SpecPosition(location.EndLine + 1, location.EndColumn + 1));
}
