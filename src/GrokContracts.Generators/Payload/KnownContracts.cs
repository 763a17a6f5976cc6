using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Generators.Payload;

/// <summary>
/// The contracts a project sees, chosen by the Spec library's <see cref="ContractCatalog"/> exactly as the generator
/// chooses what to emit: the analyzers judge a payload against the contract the generator emitted for its model id,
/// or against none (a broken project spec that wins its id). Parsed specs are cached across compilations by path and
/// text checksum, so typing in C# never reparses YAML.
/// </summary>
internal sealed class KnownContracts
{
    // Bounded: a solution has a handful of specs; edits to a spec add entries, so the cache is cleared when it grows past this.
    private const int CacheCapacity = 64;
    private static readonly ConcurrentDictionary<SpecKey, SpecParseResult> ParsedSpecs = new();

    // How often each spec path was actually parsed (cache misses): the proof that typing in C# never reparses YAML.
    private static readonly ConcurrentDictionary<string, int> ParseCounts = new(StringComparer.Ordinal);

    private readonly ContractCatalog _catalog;
    private readonly Dictionary<string, Contract> _byModelId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _namespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Contract> _byRequestType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Contract Contract, Parameter Parameter)> _byWireType = new(StringComparer.Ordinal);
    private readonly HashSet<string> _checkedWithMethods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wireClassNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _requestTypeNames = new(StringComparer.Ordinal);

    private KnownContracts(ContractCatalog catalog, IReadOnlyList<string?> metadataNamespaces)
    {
        _catalog = catalog;
        foreach (var winner in catalog.Winners)
        {
            if (winner.Contract is not { } contract)
            {
                continue;
            }

            var ns = ContractNaming.ChooseNamespace(metadataNamespaces[winner.Index], contract);
            _byModelId[contract.ModelId] = contract;
            _namespaces[contract.ModelId] = ns;
            _byRequestType[ns + "." + contract.RequestTypeName] = contract;
            _requestTypeNames.Add(contract.RequestTypeName);
            foreach (var parameter in contract.Parameters)
            {
                if (ContractNaming.WireClassName(parameter) is { } wireClass)
                {
                    _byWireType[ns + "." + wireClass] = (contract, parameter);
                    _wireClassNames.Add(wireClass);
                }
                else
                {
                    _checkedWithMethods.Add(ContractNaming.WithMethodName(parameter));
                }
            }
        }
    }

    /// <summary>The namespace the generator puts a contract's types in (<see cref="ContractNaming.ChooseNamespace"/>).</summary>
    public string Namespace(Contract contract) =>
        _namespaces.TryGetValue(contract.ModelId, out var ns) ? ns : ContractNaming.ChooseNamespace(null, contract);

    /// <summary>The contract whose generated request type has the full name <paramref name="fullName"/>, or null.</summary>
    public Contract? FindByRequestType(string fullName) => _byRequestType.TryGetValue(fullName, out var contract) ? contract : null;

    /// <summary>The contract and enum parameter whose generated <c>…Wire</c> class has the full name <paramref name="fullName"/>.</summary>
    public (Contract Contract, Parameter Parameter)? FindByWireType(string fullName) => _byWireType.TryGetValue(fullName, out var found) ? found : null;

    /// <summary>Whether any contract's request type has the simple name <paramref name="name"/> (a syntax-only filter).</summary>
    public bool IsGeneratedTypeName(string name) => _requestTypeNames.Contains(name);

    /// <summary>
    /// Whether <paramref name="name"/> is the <c>With…</c> method of a parameter whose value the typed API cannot make
    /// safe by its type (not an enum), on any contract (a syntax-only filter: other <c>With…</c> calls are not bound).
    /// </summary>
    public bool IsCheckedWithMethod(string name) => _checkedWithMethods.Contains(name);

    /// <summary>Whether any contract has a generated <c>…Wire</c> class with the simple name <paramref name="name"/> (a syntax-only filter).</summary>
    public bool IsWireClassName(string name) => _wireClassNames.Contains(name);

    /// <summary>The contracts by model id (the catalog's usable winners).</summary>
    public IReadOnlyDictionary<string, Contract> ByModelId => _byModelId;

    /// <summary>Reads the project's specs, or returns null when it has none (the analyzer then does nothing at all).</summary>
    public static KnownContracts? Load(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        List<(SpecParseResult Result, bool Shipped)>? entries = null;
        var namespaces = new List<string?>();
        foreach (var file in options.AdditionalFiles)
        {
            var fileOptions = options.AnalyzerConfigOptionsProvider.GetOptions(file);
            if (!SpecItemMetadata.IsContractSpec(fileOptions) || file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            // Broken specs count too: a broken project spec still claims its model id (the catalog's rule).
            if (Parse(file.Path, text, cancellationToken) is { } result)
            {
                (entries ??= []).Add((result, SpecItemMetadata.IsShipped(fileOptions)));
                namespaces.Add(SpecItemMetadata.NamespaceOf(fileOptions));
            }
        }

        return entries is null ? null : new KnownContracts(new ContractCatalog(entries), namespaces);
    }

    /// <summary>The usable contract for <paramref name="modelId"/>, or null (unknown, or claimed by a spec with errors).</summary>
    public Contract? Find(string modelId) => _catalog.TryGet(modelId, out var contract) ? contract : null;

    /// <summary>The known model id <paramref name="modelId"/> is likely a typo of, or null (<see cref="ContractCatalog.FindClosestModelId"/>).</summary>
    public string? FindClosestModelId(string modelId) => _catalog.FindClosestModelId(modelId);

    /// <summary>How many times the spec at <paramref name="path"/> has been parsed in this process (for tests and the cost probe).</summary>
    internal static int ParseCount(string path) => ParseCounts.TryGetValue(path, out var count) ? count : 0;

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
