using System.Collections.Generic;

namespace GrokContracts.Spec.Parsing;

/// <summary>
/// A node of a spec document, built from YamlDotNet's parsing events (never from its recursive composer).
/// Carries the positions diagnostics point at; these never reach the position-free <see cref="Contract"/>.
/// </summary>
internal abstract class SpecNode
{
    protected SpecNode(SpecPosition start, SpecPosition end)
    {
        Start = start;
        End = end;
    }

    public SpecPosition Start { get; }

    public SpecPosition End { get; set; }

    /// <summary>Word for messages: "a scalar", "a mapping", "a sequence".</summary>
    public abstract string Describe();
}

/// <summary>What a scalar means under the YAML 1.2 core schema (which JSON is a subset of).</summary>
internal enum ScalarKind
{
    String,
    Null,
    Boolean,
    Number,
}

internal sealed class SpecScalar : SpecNode
{
    public SpecScalar(string text, bool plain, SpecPosition start, SpecPosition end)
        : base(start, end)
    {
        Text = text;
        (Kind, Number, Boolean, NumberOverflow) = ScalarClassifier.Classify(text, plain);
    }

    /// <summary>The scalar's text after YAML unescaping/folding.</summary>
    public string Text { get; }

    public ScalarKind Kind { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="ScalarKind.Number"/> and it fits a decimal.</summary>
    public decimal? Number { get; }

    /// <summary>True for a number that looks like one but does not fit a decimal.</summary>
    public bool NumberOverflow { get; }

    public bool Boolean { get; }

    public override string Describe() => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => "a boolean",
        ScalarKind.Number => "a number",
        _ => "a string",
    };
}

internal sealed class SpecMapping : SpecNode
{
    public SpecMapping(SpecPosition start, SpecPosition end)
        : base(start, end)
    {
    }

    /// <summary>Entries in file order; keys may repeat (reported by the schema reader).</summary>
    public List<KeyValuePair<SpecScalar, SpecNode>> Entries { get; } = new();

    public override string Describe() => "a mapping";
}

internal sealed class SpecSequence : SpecNode
{
    public SpecSequence(SpecPosition start, SpecPosition end)
        : base(start, end)
    {
    }

    public List<SpecNode> Items { get; } = new();

    public override string Describe() => "a sequence";
}
