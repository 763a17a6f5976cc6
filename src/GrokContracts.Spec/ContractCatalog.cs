using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace GrokContracts.Spec;

/// <summary>
/// The contracts a project sees: the specs shipped in the package plus the project's own, by model id. The one
/// rule, used by the generator, the analyzers, the CLI and the emulator alike:
/// <list type="bullet">
/// <item>A project spec replaces a shipped spec with the same model id silently (that is how a project adapts a channel).</item>
/// <item>Two project specs, or two shipped specs, with the same model id are a GRK103 on the later one's
/// <c>model:</c> value; the first one (in input order) wins.</item>
/// <item>A spec with errors still claims its model id (when its <c>model:</c> could be read). When it wins, the
/// model id has <em>no</em> contract: nothing is generated for it and no payload is judged against it, rather than
/// a silent fallback to the shipped contract that would hide the spec's errors.</item>
/// </list>
/// </summary>
public sealed class ContractCatalog : IEquatable<ContractCatalog>
{
    private readonly Dictionary<string, CatalogEntry> _byId;

    /// <summary>Builds a catalog from parse results in a stable order (shipped and project entries may interleave).</summary>
    /// <param name="entries">Each parse result and whether it is a shipped spec (true) or the project's own (false).</param>
    public ContractCatalog(IEnumerable<(SpecParseResult Result, bool Shipped)> entries)
    {
        if (entries is null)
        {
            throw new ArgumentNullException(nameof(entries));
        }

        var claims = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        var order = new List<string>();
        var diagnostics = new List<SpecDiagnostic>();
        var index = 0;
        foreach (var (entryResult, entryShipped) in entries)
        {
            var result = entryResult ?? throw new ArgumentException("an entry has no parse result", nameof(entries));
            var entry = new CatalogEntry(index++, result, entryShipped);
            diagnostics.AddRange(result.Diagnostics);
            var id = entry.ModelId;
            if (id is null)
            {
                continue;
            }

            if (!claims.TryGetValue(id, out var existing))
            {
                claims.Add(id, entry);
                order.Add(id);
            }
            else if (existing.Shipped && !entry.Shipped)
            {
                claims[id] = entry;
            }
            else if (existing.Shipped == entry.Shipped)
            {
                var span = result.ModelIdSpan ?? new SpecSpan(new SpecPosition(1, 1), new SpecPosition(1, 1));
                var kind = entry.Shipped ? "shipped spec" : "spec";
                diagnostics.Add(new SpecDiagnostic(
                    SpecDiagnosticIds.DuplicateModel,
                    $"model id '{id}' is already declared by {kind} '{existing.Result.FilePath}'; each model id may be declared once",
                    result.FilePath,
                    span.Start,
                    span.End));
            }
        }

        _byId = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        var winners = new List<CatalogEntry>();
        var contracts = new List<Contract>();
        foreach (var id in order)
        {
            var winner = claims[id];
            _byId.Add(id, winner);
            winners.Add(winner);
            if (winner.Contract is { } contract)
            {
                contracts.Add(contract);
            }
        }

        Winners = EquatableArray.From(winners);
        Contracts = EquatableArray.From(contracts);
        Diagnostics = EquatableArray.From(diagnostics);
    }

    /// <summary>
    /// The winning entry of every claimed model id, in the order the ids first appeared, including winners with
    /// errors (<see cref="CatalogEntry.Contract"/> null): callers find the winner's own file and metadata through
    /// <see cref="CatalogEntry.Index"/>, never by comparing contracts.
    /// </summary>
    public EquatableArray<CatalogEntry> Winners { get; }

    /// <summary>The usable contracts (winners without errors), in the order their model ids first appeared.</summary>
    public EquatableArray<Contract> Contracts { get; }

    /// <summary>Every diagnostic of the entries plus the catalog's own GRK103s.</summary>
    public EquatableArray<SpecDiagnostic> Diagnostics { get; }

    /// <summary>The contract for <paramref name="modelId"/> (ordinal), if any usable spec declares it.</summary>
    public bool TryGet(string modelId, [NotNullWhen(true)] out Contract? contract)
    {
        contract = TryGetWinner(modelId, out var winner) ? winner.Contract : null;
        return contract is not null;
    }

    /// <summary>
    /// The winning entry for <paramref name="modelId"/> (ordinal), even when it has errors; false when no spec claims
    /// the id. A winner with errors means: the id is known, but has no contract to generate or to judge against.
    /// </summary>
    public bool TryGetWinner(string modelId, [NotNullWhen(true)] out CatalogEntry? winner)
    {
        winner = null;
        return modelId is not null && _byId.TryGetValue(modelId, out winner);
    }

    /// <summary>
    /// The usable model id <paramref name="modelId"/> is likely a typo of (<see cref="DidYouMean.Closest"/>), or null;
    /// never for an id a spec claims, even one with errors (its GRK10x explain it; a suggestion would lead away from it).
    /// </summary>
    public string? FindClosestModelId(string modelId)
    {
        if (modelId is null || _byId.ContainsKey(modelId))
        {
            return null;
        }

        var ids = new List<string>(Contracts.Count);
        foreach (var contract in Contracts)
        {
            ids.Add(contract.ModelId);
        }

        return DidYouMean.Closest(modelId, ids);
    }

    /// <inheritdoc />
    public bool Equals(ContractCatalog? other) =>
        other is not null && Contracts.Equals(other.Contracts) && Diagnostics.Equals(other.Diagnostics);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ContractCatalog);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((Contracts.GetHashCode() * 397) ^ Diagnostics.GetHashCode());
}

/// <summary>One input of a <see cref="ContractCatalog"/>: a parse result, where it came from, and its position in the input.</summary>
/// <param name="Index">0-based position of the entry in the sequence given to the catalog, to find the caller's own data about it.</param>
/// <param name="Result">The spec's parse result.</param>
/// <param name="Shipped">Whether the spec was shipped with the package (true) or is the project's own (false).</param>
public sealed record CatalogEntry(int Index, SpecParseResult Result, bool Shipped)
{
    /// <summary>The contract, or null when the spec has errors.</summary>
    public Contract? Contract => Result.Contract;

    /// <summary>The model id the spec claims, or null when its <c>model:</c> could not be read.</summary>
    public string? ModelId => Result.Contract?.ModelId ?? Result.ModelId;

    /// <summary>Path of the spec file.</summary>
    public string FilePath => Result.FilePath;
}
