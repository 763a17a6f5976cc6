using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using GrokContracts.Spec;

namespace GrokContracts.Emulator;

/// <summary>The contracts the emulator serves, and the one way it checks a body: the Spec library's <see cref="ContractRules"/>.</summary>
internal sealed class EmulatorContracts
{
    private EmulatorContracts(ContractCatalog catalog)
    {
        Channels = catalog.Contracts.Select(c => new EmulatedChannel(c)).ToArray();
        ModelIds = Channels.Select(c => c.ModelId).ToArray();
    }

    public IReadOnlyList<string> ModelIds { get; }

    /// <summary>One channel per loaded spec, in catalog order (shipped specs first, then <see cref="ReapiEmulatorOptions.SpecPaths"/>).</summary>
    public IReadOnlyList<EmulatedChannel> Channels { get; }

    /// <summary>The channel of <paramref name="modelId"/>, or null.</summary>
    public EmulatedChannel? Find(string modelId) => Channels.FirstOrDefault(c => string.Equals(c.ModelId, modelId, StringComparison.Ordinal));

    public static EmulatorContracts Load(ReapiEmulatorOptions options)
    {
        var entries = new List<(SpecParseResult, bool)>();
        if (options.IncludeShippedSpecs)
        {
            entries.AddRange(ShippedSpecs.All.Select(r => (r, true)));
        }

        foreach (var path in options.SpecPaths)
        {
            entries.Add((ContractParser.Parse(File.ReadAllText(path), path), false));
        }

        var catalog = new ContractCatalog(entries);
        if (catalog.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException("The emulator's specs have errors:" + Environment.NewLine
                + string.Join(Environment.NewLine, catalog.Diagnostics.Select(d => d.ToString())));
        }

        return new EmulatorContracts(catalog);
    }

    /// <summary>The API's answer to a body for <paramref name="channel"/>: null when accepted, else the first rejection.</summary>
    public static ContractViolation? FirstRejection(EmulatedChannel channel, JsonElement body) =>
        ContractRules.FirstRejection(channel.Contract, (PayloadObject)ToPayload(body));

    /// <summary>The JSON view the Spec library checks, from System.Text.Json.</summary>
    public static PayloadValue ToPayload(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new PayloadObject(element.EnumerateObject().Select(p => new PayloadProperty(p.Name, ToPayload(p.Value))).ToArray()),
        JsonValueKind.Array => new PayloadArray(element.EnumerateArray().Select(ToPayload).ToArray()),
        JsonValueKind.String => new PayloadString(element.GetString()!),
        JsonValueKind.Number => new PayloadNumber(ToDouble(element), element.GetRawText()),
        JsonValueKind.True => new PayloadBoolean(true),
        JsonValueKind.False => new PayloadBoolean(false),
        JsonValueKind.Null => new PayloadNull(),
        _ => new PayloadUnknown(),
    };

    // 1e400 is valid JSON but not a finite double: keep its sign as an infinity, which no range accepts.
    private static double ToDouble(JsonElement number) =>
        number.TryGetDouble(out var value) ? value : number.GetRawText().StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
}
