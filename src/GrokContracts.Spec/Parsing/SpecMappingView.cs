using System.Collections.Generic;

namespace GrokContracts.Spec.Parsing;

/// <summary>
/// A mapping of a spec after its keys were checked: first occurrence of each key, in file order.
/// <see cref="Owner"/> is where "missing key" diagnostics point (the key that holds this mapping).
/// </summary>
internal sealed class SpecMappingView
{
    private readonly Dictionary<string, KeyValuePair<SpecScalar, SpecNode>> _byKey;

    public SpecMappingView(
        SpecMapping node,
        SpecNode owner,
        string path,
        List<KeyValuePair<SpecScalar, SpecNode>> entries,
        Dictionary<string, KeyValuePair<SpecScalar, SpecNode>> byKey)
    {
        Node = node;
        Owner = owner;
        Path = path;
        Entries = entries;
        _byKey = byKey;
    }

    public SpecMapping Node { get; }

    public SpecNode Owner { get; }

    /// <summary>Dotted path for messages, e.g. <c>parameters.duration</c>; empty for the top level.</summary>
    public string Path { get; }

    /// <summary>Unique entries (duplicates dropped) in file order.</summary>
    public List<KeyValuePair<SpecScalar, SpecNode>> Entries { get; }

    public bool TryGet(string key, out SpecScalar keyNode, out SpecNode value)
    {
        if (_byKey.TryGetValue(key, out var entry))
        {
            keyNode = entry.Key;
            value = entry.Value;
            return true;
        }

        keyNode = null!;
        value = null!;
        return false;
    }

    public SpecNode? Value(string key) => _byKey.TryGetValue(key, out var entry) ? entry.Value : null;

    public SpecScalar? Key(string key) => _byKey.TryGetValue(key, out var entry) ? entry.Key : null;

    public bool Has(string key) => _byKey.ContainsKey(key);

    /// <summary><c>path.key</c> for messages.</summary>
    public string Describe(string key) => Path.Length == 0 ? key : Path + "." + key;
}
