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
        public const string Generate = "build_metadata.AdditionalFiles.GrokContractGenerate";
    }

    /// <summary>Whether the options mark an additional file as a contract spec.</summary>
    internal static bool IsContractSpec(AnalyzerConfigOptions options)
        => options.TryGetValue(Metadata.IsContract, out var value) && IsTrue(value);

    /// <summary>Whether the options mark a spec as shipped with the package (<c>GrokContractShipped=true</c>).</summary>
    internal static bool IsShipped(AnalyzerConfigOptions options)
        => options.TryGetValue(Metadata.Shipped, out var value) && IsTrue(value);

    /// <summary>
    /// Whether the options say the spec's types come from a referenced assembly (<c>GrokContractGenerate=false</c>,
    /// set on the shipped specs, whose types the GrokContracts runtime library declares): the analyzers check against
    /// it, the generator leaves it out.
    /// </summary>
    internal static bool IsDeclaredElsewhere(AnalyzerConfigOptions options)
        => options.TryGetValue(Metadata.Generate, out var value) && string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The spec file, or null when the additional file is not a contract spec to generate.</summary>
    internal static SpecFile? ReadSpecFile(AdditionalText text, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        // A spec left out here takes no part in precedence either; that is harmless, since a project spec always
        // wins over a shipped one and the shipped one would never be generated.
        if (!IsContractSpec(options) || IsDeclaredElsewhere(options))
        {
            return null;
        }

        var ns = options.TryGetValue(Metadata.Namespace, out var nsValue) && !string.IsNullOrWhiteSpace(nsValue) ? nsValue.Trim() : null;
        var isInternal = options.TryGetValue(Metadata.Visibility, out var visibility)
            && string.Equals(visibility.Trim(), "internal", StringComparison.OrdinalIgnoreCase);
        var shipped = IsShipped(options);
        var content = text.GetText(cancellationToken)?.ToString();
        return new SpecFile(text.Path, content, ns, isInternal, shipped);
    }

    /// <summary>Parses a spec file; a spec with errors gives a null contract (never an exception).</summary>
    internal static ParsedSpec Parse(SpecFile file, CancellationToken cancellationToken)
    {
        if (file.Text is null)
        {
            return new ParsedSpec(file.Path, null, null, file.Namespace, file.Internal, file.Shipped);
        }

        var result = ContractParser.Parse(file.Text, file.Path, cancellationToken);
        // A spec with errors (generated names that would collide among them, GRK102) generates nothing; the analyzer says why.
        var contract = result.HasErrors ? null : result.Contract;
        return new ParsedSpec(file.Path, contract, result.Contract?.ModelId ?? result.ModelId, file.Namespace, file.Internal, file.Shipped);
    }

    /// <summary>
    /// Chooses the contracts to generate with the Spec library's <see cref="ContractCatalog"/>, so the generator
    /// and the analyzer (GRK103) agree: a project spec replaces a shipped spec with the same model id, even when it
    /// is broken (then nothing is generated for that id rather than silently the shipped contract); of several
    /// specs of one kind with the same model id only the first, in AdditionalFiles order, counts. Hint prefixes
    /// are the PascalCase model id, stable across machines, plus a hash of the model id when two ids map to the
    /// same name.
    /// </summary>
    internal static EquatableArray<ContractTarget> SelectContracts(ImmutableArray<ParsedSpec> specs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = new List<(SpecParseResult Result, bool Shipped)>(specs.Length);
        foreach (var spec in specs)
        {
            var result = new SpecParseResult(spec.Contract, EquatableArray<SpecDiagnostic>.Empty) { FilePath = spec.Path, ModelId = spec.ClaimedModelId };
            entries.Add((result, spec.Shipped));
        }

        var catalog = new ContractCatalog(entries);
        var prefixCounts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var contract in catalog.Contracts)
        {
            var prefix = ContractNaming.ToPascalCase(contract.ModelId);
            prefixCounts[prefix] = prefixCounts.TryGetValue(prefix, out var count) ? count + 1 : 1;
        }

        var targets = new List<ContractTarget>(catalog.Contracts.Count);
        foreach (var contract in catalog.Contracts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var spec = WinnerOf(specs, contract);
            if (spec is null)
            {
                continue;
            }

            var prefix = ContractNaming.ToPascalCase(contract.ModelId);
            if (prefixCounts[prefix] > 1)
            {
                prefix += "_" + StableHash.Hex8(contract.ModelId);
            }

            targets.Add(new ContractTarget(contract, ChooseNamespace(spec, contract), spec.Internal, prefix));
        }

        return EquatableArray.From(targets);
    }

    /// <summary>The spec whose contract the catalog chose (the same instance).</summary>
    private static ParsedSpec? WinnerOf(ImmutableArray<ParsedSpec> specs, Contract contract)
    {
        foreach (var spec in specs)
        {
            if (ReferenceEquals(spec.Contract, contract))
            {
                return spec;
            }
        }

        return null;
    }

    /// <summary>MSBuild metadata wins over the spec's <c>namespace:</c>, which wins over the default; an invalid name falls back.</summary>
    internal static string ChooseNamespace(ParsedSpec spec, Contract contract)
    {
        if (spec.Namespace is not null && ContractNaming.IsValidDottedName(spec.Namespace))
        {
            return spec.Namespace;
        }

        if (contract.Namespace is not null && ContractNaming.IsValidDottedName(contract.Namespace))
        {
            return contract.Namespace;
        }

        return ContractNaming.DefaultNamespace(contract.ModelId);
    }

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
