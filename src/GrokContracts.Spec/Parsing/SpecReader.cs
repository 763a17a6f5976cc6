using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace GrokContracts.Spec.Parsing;

/// <summary>
/// Typed access to spec nodes that turns every mismatch into a GRK101 diagnostic instead of an exception.
/// Each getter returns null when the value is absent or unusable (and says why when that is an error).
/// </summary>
internal sealed class SpecReader
{
    public SpecReader(DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        Diagnostics = diagnostics;
        CancellationToken = cancellationToken;
    }

    public DiagnosticBag Diagnostics { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Checks that <paramref name="node"/> is a mapping, reports duplicate keys and (when
    /// <paramref name="allowedKeys"/> is given) unknown keys; null when it is not a mapping.
    /// </summary>
    public SpecMappingView? Mapping(SpecNode node, SpecNode owner, string path, IReadOnlyList<string>? allowedKeys)
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (node is not SpecMapping mapping)
        {
            Diagnostics.Schema($"'{Display(path)}' must be a mapping, not {node.Describe()}", node);
            return null;
        }

        var entries = new List<KeyValuePair<SpecScalar, SpecNode>>(mapping.Entries.Count);
        var byKey = new Dictionary<string, KeyValuePair<SpecScalar, SpecNode>>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Text;
            if (byKey.ContainsKey(key))
            {
                Diagnostics.Schema($"duplicate key '{key}' in '{Display(path)}'", entry.Key);
                continue;
            }

            if (allowedKeys is not null && !Contains(allowedKeys, key))
            {
                Diagnostics.Schema(
                    $"unknown key '{key}' in '{Display(path)}'; allowed keys: {string.Join(", ", allowedKeys)}",
                    entry.Key);
                continue;
            }

            byKey.Add(key, entry);
            entries.Add(entry);
        }

        return new SpecMappingView(mapping, owner, path, entries, byKey);
    }

    /// <summary>The value of a key that must be a mapping; reports a missing required key.</summary>
    public SpecMappingView? ChildMapping(SpecMappingView parent, string key, bool required, IReadOnlyList<string>? allowedKeys)
    {
        if (!parent.TryGet(key, out var keyNode, out var value))
        {
            ReportMissing(parent, key, required);
            return null;
        }

        return Mapping(value, keyNode, parent.Describe(key), allowedKeys);
    }

    /// <summary>The value of a key that must be a sequence.</summary>
    public SpecSequence? ChildSequence(SpecMappingView parent, string key, bool required)
    {
        if (!parent.TryGet(key, out _, out var value))
        {
            ReportMissing(parent, key, required);
            return null;
        }

        if (value is SpecSequence sequence)
        {
            return sequence;
        }

        Diagnostics.Schema($"'{parent.Describe(key)}' must be a sequence, not {value.Describe()}", value);
        return null;
    }

    /// <summary>A scalar's text (any non-null scalar: strings are what most keys hold, and YAML may read <c>1.0</c> as a number).</summary>
    public string? String(SpecMappingView parent, string key, bool required)
    {
        var scalar = Scalar(parent, key, required, "a string");
        if (scalar is null)
        {
            return null;
        }

        if (scalar.Kind == ScalarKind.Null)
        {
            if (required)
            {
                Diagnostics.Schema($"'{parent.Describe(key)}' must be a string, not null", scalar);
            }

            return null;
        }

        return scalar.Text;
    }

    /// <summary>One of a closed set of words (<c>type: string</c>, <c>rounding: ceiling</c>).</summary>
    public string? Word(SpecMappingView parent, string key, bool required, IReadOnlyList<string> words)
    {
        var text = String(parent, key, required);
        if (text is null)
        {
            return null;
        }

        if (!Contains(words, text))
        {
            Diagnostics.Schema(
                $"'{parent.Describe(key)}' must be one of {string.Join(", ", words)}; '{text}' is not",
                parent.Value(key)!);
            return null;
        }

        return text;
    }

    public bool? Boolean(SpecMappingView parent, string key, bool required)
    {
        var scalar = Scalar(parent, key, required, "a boolean");
        if (scalar is null)
        {
            return null;
        }

        if (scalar.Kind != ScalarKind.Boolean)
        {
            Diagnostics.Schema($"'{parent.Describe(key)}' must be a boolean (true or false), not {Quote(scalar)}", scalar);
            return null;
        }

        return scalar.Boolean;
    }

    /// <summary>A number; <paramref name="nullable"/> lets an explicit <c>null</c> through as "not stated".</summary>
    public decimal? Number(SpecMappingView parent, string key, bool required, bool nullable = false)
    {
        var scalar = Scalar(parent, key, required, "a number");
        return scalar is null ? null : Number(scalar, parent.Describe(key), nullable);
    }

    public decimal? Number(SpecScalar scalar, string path, bool nullable = false)
    {
        if (scalar.Kind == ScalarKind.Null && nullable)
        {
            return null;
        }

        if (scalar.Kind != ScalarKind.Number)
        {
            Diagnostics.Schema($"'{Display(path)}' must be a number, not {Quote(scalar)}", scalar);
            return null;
        }

        if (scalar.Number is null)
        {
            Diagnostics.Schema($"'{Display(path)}' is out of range: {scalar.Text}", scalar);
            return null;
        }

        return scalar.Number;
    }

    public int? Integer(SpecMappingView parent, string key, bool required)
    {
        var scalar = Scalar(parent, key, required, "an integer");
        if (scalar is null)
        {
            return null;
        }

        if (scalar.Kind != ScalarKind.Number || scalar.Number is not { } number || number != decimal.Truncate(number)
            || number < int.MinValue || number > int.MaxValue)
        {
            Diagnostics.Schema($"'{parent.Describe(key)}' must be an integer, not {Quote(scalar)}", scalar);
            return null;
        }

        return (int)number;
    }

    /// <summary>An ISO-8601 duration such as <c>P7D</c> or <c>PT5M</c> (read by <see cref="System.Xml.XmlConvert"/>).</summary>
    public TimeSpan? Duration(SpecMappingView parent, string key, bool required)
    {
        var text = String(parent, key, required);
        if (text is null)
        {
            return null;
        }

        var node = parent.Value(key)!;
        TimeSpan value;
        try
        {
            value = System.Xml.XmlConvert.ToTimeSpan(text);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            Diagnostics.Schema($"'{parent.Describe(key)}' must be an ISO-8601 duration like PT5M or P7D, not '{text}'", node);
            return null;
        }

        if (value <= TimeSpan.Zero)
        {
            Diagnostics.Inconsistent($"'{parent.Describe(key)}' must be a positive duration, not '{text}'", node);
            return null;
        }

        return value;
    }

    public void ReportMissing(SpecMappingView parent, string key, bool required)
    {
        if (required)
        {
            var where = parent.Path.Length == 0 ? "the spec" : $"'{parent.Path}'";
            Diagnostics.Schema($"required key '{key}' is missing in {where}", parent.Owner);
        }
    }

    public static string Quote(SpecScalar scalar) =>
        scalar.Kind == ScalarKind.String ? $"'{scalar.Text}'" : $"{scalar.Describe()} ({(scalar.Text.Length == 0 ? "empty" : scalar.Text)})";

    public static string Display(string path) => path.Length == 0 ? "(top level)" : path;

    public static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private SpecScalar? Scalar(SpecMappingView parent, string key, bool required, string expected)
    {
        if (!parent.TryGet(key, out _, out var value))
        {
            ReportMissing(parent, key, required);
            return null;
        }

        if (value is SpecScalar scalar)
        {
            return scalar;
        }

        Diagnostics.Schema($"'{parent.Describe(key)}' must be {expected}, not {value.Describe()}", value);
        return null;
    }

    private static bool Contains(IReadOnlyList<string> words, string word)
    {
        foreach (var candidate in words)
        {
            if (string.Equals(candidate, word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
