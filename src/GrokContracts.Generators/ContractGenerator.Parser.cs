using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using GrokContracts.Generators.Model;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Generators;

public sealed partial class ContractGenerator
{
    /// <summary>The MSBuild item metadata the generator reads (made compiler-visible by <c>GrokContracts.props</c>).</summary>
    internal static class Metadata
    {
        public const string IsContract = "build_metadata.AdditionalFiles.GrokContract";
        public const string Namespace = "build_metadata.AdditionalFiles.GrokContractNamespace";
        public const string Visibility = "build_metadata.AdditionalFiles.GrokContractVisibility";
        public const string Shipped = "build_metadata.AdditionalFiles.GrokContractShipped";
    }

    /// <summary>Whether the options mark an additional file as a contract spec.</summary>
    internal static bool IsContractSpec(AnalyzerConfigOptions options)
        => options.TryGetValue(Metadata.IsContract, out var value) && IsTrue(value);

    /// <summary>The spec file, or null when the additional file is not a contract spec.</summary>
    internal static SpecFile? ReadSpecFile(AdditionalText text, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        if (!IsContractSpec(options))
        {
            return null;
        }

        var ns = options.TryGetValue(Metadata.Namespace, out var nsValue) && !string.IsNullOrWhiteSpace(nsValue) ? nsValue.Trim() : null;
        var isInternal = options.TryGetValue(Metadata.Visibility, out var visibility)
            && string.Equals(visibility.Trim(), "internal", StringComparison.OrdinalIgnoreCase);
        var shipped = options.TryGetValue(Metadata.Shipped, out var shippedValue) && IsTrue(shippedValue);
        var content = text.GetText(cancellationToken)?.ToString();
        return new SpecFile(text.Path, content, ns, isInternal, shipped);
    }

    /// <summary>Parses a spec file; a spec with errors gives a null contract (never an exception).</summary>
    internal static ParsedSpec Parse(SpecFile file, CancellationToken cancellationToken)
    {
        Contract? contract = null;
        if (file.Text is not null)
        {
            var result = ContractParser.Parse(file.Text, file.Path, cancellationToken);
            contract = HasErrors(result) ? null : result.Contract;
        }

        return new ParsedSpec(file.Path, contract, file.Namespace, file.Internal, file.Shipped);
    }

    /// <summary>
    /// Chooses the contracts to generate: a project spec replaces a shipped spec with the same model id; of
    /// several specs of one kind with the same model id only the first (in AdditionalFiles order) is generated
    /// (the analyzer reports GRK103). Hint prefixes are derived from the model id, which is stable across
    /// machines, and disambiguated by a hash of the model id when two ids map to the same C# name.
    /// </summary>
    internal static EquatableArray<ContractTarget> SelectContracts(ImmutableArray<ParsedSpec> specs, CancellationToken cancellationToken)
    {
        var chosen = new Dictionary<string, ParsedSpec>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var spec in specs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (spec.Contract is null)
            {
                continue;
            }

            var id = spec.Contract.ModelId;
            if (!chosen.TryGetValue(id, out var current))
            {
                chosen.Add(id, spec);
                order.Add(id);
            }
            else if (current.Shipped && !spec.Shipped)
            {
                chosen[id] = spec;
            }
        }

        var prefixCounts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in order)
        {
            var prefix = ContractNaming.ToPascalCase(id);
            prefixCounts[prefix] = prefixCounts.TryGetValue(prefix, out var count) ? count + 1 : 1;
        }

        var targets = new ContractTarget[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            var spec = chosen[order[i]];
            var contract = spec.Contract!;
            var prefix = ContractNaming.ToPascalCase(contract.ModelId);
            if (prefixCounts[prefix] > 1)
            {
                prefix += "_" + StableHash.Hex8(contract.ModelId);
            }

            targets[i] = new ContractTarget(contract, ChooseNamespace(spec, contract), spec.Internal, prefix);
        }

        return new EquatableArray<ContractTarget>(targets);
    }

    /// <summary>MSBuild metadata wins over the spec's <c>namespace:</c>, which wins over the default; an invalid name falls back.</summary>
    private static string ChooseNamespace(ParsedSpec spec, Contract contract)
    {
        if (spec.Namespace is not null && CSharpText.IsValidNamespace(spec.Namespace))
        {
            return spec.Namespace;
        }

        if (contract.Namespace is not null && CSharpText.IsValidNamespace(contract.Namespace))
        {
            return contract.Namespace;
        }

        return ContractNaming.DefaultNamespace(contract.ModelId);
    }

    private static bool HasErrors(SpecParseResult result)
    {
        // Every spec diagnostic (GRK100-GRK103) is an error; the parser gives no contract then anyway.
        return result.Contract is null || result.Diagnostics.Count > 0;
    }

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
