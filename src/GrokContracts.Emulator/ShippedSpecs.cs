using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GrokContracts.Spec;

namespace GrokContracts.Emulator;

/// <summary>
/// The specs shipped with GrokContracts (spec/*.yaml), embedded in this assembly and parsed once: the emulator serves
/// them by default and the CLI loads them from here, so no tool embeds or reads them a second way.
/// </summary>
public static class ShippedSpecs
{
    private const string ResourcePrefix = "GrokContracts.Emulator.Specs.";
    private static readonly Lazy<SpecParseResult[]> Parsed = new(Load);

    /// <summary>The shipped specs' parse results, in file-name order (each named after its file, e.g. <c>grok-imagine-video-1.5-official.yaml</c>).</summary>
    public static IReadOnlyList<SpecParseResult> All => Parsed.Value;

    private static SpecParseResult[] Load()
    {
        var assembly = typeof(ShippedSpecs).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return ContractParser.Parse(reader.ReadToEnd(), name[ResourcePrefix.Length..]);
            })
            .ToArray();
    }
}
