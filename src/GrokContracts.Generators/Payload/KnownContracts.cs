using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Generators.Payload;

/// <summary>
/// The contracts a project sees: every AdditionalFile tagged <c>GrokContract=true</c> that parses. A project's
/// own spec for a model id takes precedence over a shipped one. Parsed specs are cached across compilations by
/// path and text checksum, so typing in C# never reparses YAML.
/// </summary>
internal sealed class KnownContracts
{
    internal const string GrokContractMetadata = "build_metadata.AdditionalFiles.GrokContract";
    internal const string GrokContractShippedMetadata = "build_metadata.AdditionalFiles.GrokContractShipped";
    internal const string GrokContractNamespaceMetadata = "build_metadata.AdditionalFiles.GrokContractNamespace";

    // Bounded: a solution has a handful of specs; edits to a spec add entries, so the cache is cleared when it grows past this.
    private const int CacheCapacity = 64;
    private static readonly ConcurrentDictionary<SpecKey, SpecParseResult> ParsedSpecs = new();

    // How often each spec path was actually parsed (cache misses): the proof that typing in C# never reparses YAML.
    private static readonly ConcurrentDictionary<string, int> ParseCounts = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Contract> _byModelId;
    private readonly Dictionary<string, string> _namespaces;
    private readonly Dictionary<string, Contract> _byRequestType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Contract Contract, Parameter Parameter)> _byWireType = new(StringComparer.Ordinal);

    private KnownContracts(Dictionary<string, Contract> byModelId, Dictionary<string, string> namespaces)
    {
        _byModelId = byModelId;
        _namespaces = namespaces;
        foreach (var contract in byModelId.Values)
        {
            var ns = Namespace(contract);
            _byRequestType[ns + "." + contract.RequestTypeName] = contract;
            foreach (var parameter in contract.Parameters)
            {
                if (parameter.EnumName is { } enumName)
                {
                    _byWireType[ns + "." + enumName + "Wire"] = (contract, parameter);
                }
            }
        }
    }

    /// <summary>
    /// The namespace the generator puts a contract's types in: the file's <c>GrokContractNamespace</c> metadata, the
    /// spec's <c>namespace:</c>, or the default derived from the model id (the generator's own order).
    /// </summary>
    public string Namespace(Contract contract) =>
        _namespaces.TryGetValue(contract.ModelId, out var ns) && ContractNaming.IsValidDottedName(ns) ? ns
        : contract.Namespace is { Length: > 0 } specNamespace && ContractNaming.IsValidDottedName(specNamespace) ? specNamespace
        : ContractNaming.DefaultNamespace(contract.ModelId);

    /// <summary>The contract whose generated request type has the full name <paramref name="fullName"/>, or null.</summary>
    public Contract? FindByRequestType(string fullName) => _byRequestType.TryGetValue(fullName, out var contract) ? contract : null;

    /// <summary>The contract and enum parameter whose generated <c>…Wire</c> class has the full name <paramref name="fullName"/>.</summary>
    public (Contract Contract, Parameter Parameter)? FindByWireType(string fullName) => _byWireType.TryGetValue(fullName, out var found) ? found : null;

    /// <summary>Whether any contract's request type or wire class has the simple name <paramref name="name"/> (a syntax-only filter).</summary>
    public bool IsGeneratedTypeName(string name)
    {
        foreach (var contract in _byModelId.Values)
        {
            if (contract.RequestTypeName == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The contracts by model id.</summary>
    public IReadOnlyDictionary<string, Contract> ByModelId => _byModelId;

    /// <summary>Reads the project's specs, or returns null when it has none (the analyzer then does nothing at all).</summary>
    public static KnownContracts? Load(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        Dictionary<string, Contract>? contracts = null;
        HashSet<string>? projectOwned = null;
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in options.AdditionalFiles)
        {
            var fileOptions = options.AnalyzerConfigOptionsProvider.GetOptions(file);
            if (!IsTrue(fileOptions, GrokContractMetadata))
            {
                continue;
            }

            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                continue;
            }

            var result = Parse(file.Path, text, cancellationToken);
            if (result?.Contract is not { } contract)
            {
                continue;
            }

            contracts ??= new Dictionary<string, Contract>(StringComparer.Ordinal);
            projectOwned ??= new HashSet<string>(StringComparer.Ordinal);
            var shipped = IsTrue(fileOptions, GrokContractShippedMetadata);
            if (!contracts.ContainsKey(contract.ModelId) || (!shipped && !projectOwned.Contains(contract.ModelId)))
            {
                // Duplicates are GRK103 (spec file analyzer); here the first project spec wins over shipped ones.
                contracts[contract.ModelId] = contract;
                namespaces.Remove(contract.ModelId);
                if (fileOptions.TryGetValue(GrokContractNamespaceMetadata, out var ns) && !string.IsNullOrWhiteSpace(ns))
                {
                    namespaces[contract.ModelId] = ns.Trim();
                }

                if (!shipped)
                {
                    projectOwned.Add(contract.ModelId);
                }
            }
        }

        return contracts is null ? null : new KnownContracts(contracts, namespaces);
    }

    /// <summary>The contract for <paramref name="modelId"/>, or null.</summary>
    public Contract? Find(string modelId) => _byModelId.TryGetValue(modelId, out var contract) ? contract : null;

    /// <summary>
    /// The known model id closest to <paramref name="modelId"/> when it is a likely typo: at most 3 edits and
    /// fewer than a quarter of the id's length (so unrelated models are never suggested).
    /// </summary>
    public string? FindClosestModelId(string modelId)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var known in _byModelId.Keys)
        {
            var limit = Math.Min(3, Math.Max(1, known.Length / 4));
            var distance = EditDistance.Compute(modelId, known, limit);
            if (distance <= limit && distance < bestDistance)
            {
                best = known;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>How many times the spec at <paramref name="path"/> has been parsed in this process (for tests and the cost probe).</summary>
    internal static int ParseCount(string path) => ParseCounts.TryGetValue(path, out var count) ? count : 0;

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static SpecParseResult? Parse(string path, Microsoft.CodeAnalysis.Text.SourceText text, CancellationToken cancellationToken)
    {
        var key = new SpecKey(path, Convert.ToBase64String(System.Linq.Enumerable.ToArray(text.GetChecksum())), text.Length);
        if (ParsedSpecs.TryGetValue(key, out var cached))
        {
            return cached;
        }

        SpecParseResult result;
        try
        {
            ParseCounts.AddOrUpdate(path, 1, static (_, count) => count + 1);
            result = ContractParser.Parse(text.ToString(), path, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception)
        {
            // A broken spec is GRK100-GRK103's business; payloads of an unreadable spec are simply not checked.
            return null;
        }

        if (ParsedSpecs.Count >= CacheCapacity)
        {
            ParsedSpecs.Clear();
        }

        ParsedSpecs[key] = result;
        return result;
    }

    private readonly record struct SpecKey(string Path, string Checksum, int Length);
}
