using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GrokContracts.Spec;

namespace GrokContracts.Cli.Specs;

/// <summary>
/// Where the CLI's contracts come from: the shipped specs embedded in the emulator assembly (so the tool works from any
/// directory) plus the user's <c>--spec</c> files, which add models or replace a shipped model's contract.
/// </summary>
internal static class SpecSources
{
    /// <summary>The shipped specs' parse results (the emulator's embedded copies: one loader for every tool).</summary>
    public static IReadOnlyList<SpecParseResult> Shipped => Emulator.ShippedSpecs.All;

    /// <summary>The shipped contract for <paramref name="modelId"/>, or null.</summary>
    public static Contract? FindShipped(string modelId) =>
        Shipped.Select(r => r.Contract).FirstOrDefault(c => c is not null && c.ModelId == modelId);

    /// <summary>Reads and parses one spec file; unreadable files are a <see cref="CliUsageException"/>.</summary>
    public static SpecParseResult ParseFile(string path, CliEnvironment environment) =>
        ContractParser.Parse(InputText.Read(path, ContractParser.MaxLength, environment), path);

    /// <summary>
    /// The shipped contracts plus <paramref name="specPaths"/> (which take precedence for their model ids). A user spec
    /// that does not parse cleanly is a <see cref="CliUsageException"/> naming its first diagnostic.
    /// </summary>
    public static ContractCatalog LoadCatalog(IEnumerable<string> specPaths, CliEnvironment environment) =>
        LoadCatalog(specPaths.Select(path => ParseFile(path, environment)).ToList());

    /// <summary>The shipped contracts plus already parsed user specs (each file is parsed once).</summary>
    public static ContractCatalog LoadCatalog(IReadOnlyList<SpecParseResult> userSpecs)
    {
        var entries = Shipped.Select(r => (r, true)).ToList();
        entries.AddRange(userSpecs.Select(r => (r, false)));

        var catalog = new ContractCatalog(entries);
        if (catalog.Diagnostics.Count > 0)
        {
            var more = catalog.Diagnostics.Count > 1 ? $" (and {catalog.Diagnostics.Count - 1} more: run '{CliApp.Name} spec validate')" : string.Empty;
            throw new CliUsageException($"the spec is broken: {catalog.Diagnostics[0]}{more}");
        }

        return catalog;
    }
}
