using System;
using System.Collections.Generic;
using System.Globalization;

namespace GrokContracts.Spec;

/// <summary>Kind of a <see cref="PayloadValue"/>.</summary>
public enum PayloadKind
{
    /// <summary>A JSON object (<see cref="PayloadObject"/>).</summary>
    Object,

    /// <summary>A JSON array (<see cref="PayloadArray"/>).</summary>
    Array,

    /// <summary>A JSON string (<see cref="PayloadString"/>).</summary>
    String,

    /// <summary>A JSON number (<see cref="PayloadNumber"/>).</summary>
    Number,

    /// <summary>A JSON boolean (<see cref="PayloadBoolean"/>).</summary>
    Boolean,

    /// <summary>JSON null (<see cref="PayloadNull"/>).</summary>
    Null,

    /// <summary>A value that is present but not known at compile time (<see cref="PayloadUnknown"/>): no value checks, but it counts as present.</summary>
    Unknown,
}

/// <summary>
/// A request payload as the rules see it: a JSON document, or C# constants the analyzer found. The rules never
/// look at <see cref="Origin"/>; it lets the caller map a violation back to its source.
/// </summary>
public abstract class PayloadValue
{
    /// <summary>Creates a value.</summary>
    /// <param name="origin">Where the value came from (opaque to the rules), or null.</param>
    protected PayloadValue(object? origin) => Origin = origin;

    /// <summary>Which subclass this is.</summary>
    public abstract PayloadKind Kind { get; }

    /// <summary>Where the value came from: a <see cref="PayloadSpan"/> from <see cref="PayloadJson"/>, a syntax location from the analyzer, or null.</summary>
    public object? Origin { get; }
}

/// <summary>A character range in a JSON text (what <see cref="PayloadJson"/> stores in <see cref="PayloadValue.Origin"/>).</summary>
/// <param name="Start">Offset of the first character (0-based, UTF-16).</param>
/// <param name="Length">Number of characters, including quotes of strings and names.</param>
public readonly record struct PayloadSpan(int Start, int Length);

/// <summary>One property of a <see cref="PayloadObject"/>.</summary>
public sealed class PayloadProperty
{
    /// <summary>Creates a property.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The property value.</param>
    /// <param name="origin">Where the name came from, or null.</param>
    public PayloadProperty(string name, PayloadValue value, object? origin = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Value = value ?? throw new ArgumentNullException(nameof(value));
        Origin = origin;
    }

    /// <summary>The property name.</summary>
    public string Name { get; }

    /// <summary>The property value.</summary>
    public PayloadValue Value { get; }

    /// <summary>Where the name came from (opaque), or null.</summary>
    public object? Origin { get; }
}

/// <summary>
/// A JSON object. Properties keep their order; a name may appear more than once, and then the last one wins
/// (as in System.Text.Json's <c>JsonDocument</c> lookups and most JSON readers).
/// </summary>
public sealed class PayloadObject : PayloadValue
{
    /// <summary>Creates an object.</summary>
    /// <param name="properties">Properties in source order.</param>
    /// <param name="origin">Where the object came from, or null.</param>
    public PayloadObject(IReadOnlyList<PayloadProperty> properties, object? origin = null)
        : base(origin) => Properties = properties ?? throw new ArgumentNullException(nameof(properties));

    /// <inheritdoc />
    public override PayloadKind Kind => PayloadKind.Object;

    /// <summary>Properties in source order, duplicates included.</summary>
    public IReadOnlyList<PayloadProperty> Properties { get; }

    /// <summary>The last property named <paramref name="name"/> (ordinal), or null.</summary>
    public PayloadProperty? Find(string name)
    {
        for (var i = Properties.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Properties[i].Name, name, StringComparison.Ordinal))
            {
                return Properties[i];
            }
        }

        return null;
    }
}

/// <summary>A JSON array.</summary>
public sealed class PayloadArray : PayloadValue
{
    /// <summary>Creates an array.</summary>
    /// <param name="items">Items in order.</param>
    /// <param name="origin">Where the array came from, or null.</param>
    public PayloadArray(IReadOnlyList<PayloadValue> items, object? origin = null)
        : base(origin) => Items = items ?? throw new ArgumentNullException(nameof(items));

    /// <inheritdoc />
    public override PayloadKind Kind => PayloadKind.Array;

    /// <summary>Items in order.</summary>
    public IReadOnlyList<PayloadValue> Items { get; }
}

/// <summary>A JSON string.</summary>
public sealed class PayloadString : PayloadValue
{
    /// <summary>Creates a string.</summary>
    /// <param name="value">The (unescaped) value.</param>
    /// <param name="origin">Where the string came from, or null.</param>
    public PayloadString(string value, object? origin = null)
        : base(origin) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public override PayloadKind Kind => PayloadKind.String;

    /// <summary>The unescaped value.</summary>
    public string Value { get; }
}

/// <summary>A JSON number.</summary>
public sealed class PayloadNumber : PayloadValue
{
    /// <summary>Creates a number.</summary>
    /// <param name="value">The value (infinite when the text overflows a double).</param>
    /// <param name="text">The number as written, or null to format <paramref name="value"/> invariantly.</param>
    /// <param name="origin">Where the number came from, or null.</param>
    public PayloadNumber(double value, string? text = null, object? origin = null)
        : base(origin)
    {
        Value = value;
        Text = text ?? value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override PayloadKind Kind => PayloadKind.Number;

    /// <summary>The value.</summary>
    public double Value { get; }

    /// <summary>The number as written (e.g. <c>8.0</c>, <c>-1.5e3</c>).</summary>
    public string Text { get; }

    /// <summary>True when the value is finite and has no fractional part (<c>8</c>, <c>8.0</c>, <c>8e0</c>).</summary>
    public bool IsIntegral => !double.IsInfinity(Value) && !double.IsNaN(Value) && Value == Math.Floor(Value);
}

/// <summary>A JSON boolean.</summary>
public sealed class PayloadBoolean : PayloadValue
{
    /// <summary>Creates a boolean.</summary>
    /// <param name="value">The value.</param>
    /// <param name="origin">Where the boolean came from, or null.</param>
    public PayloadBoolean(bool value, object? origin = null)
        : base(origin) => Value = value;

    /// <inheritdoc />
    public override PayloadKind Kind => PayloadKind.Boolean;

    /// <summary>The value.</summary>
    public bool Value { get; }
}

/// <summary>JSON null.</summary>
public sealed class PayloadNull : PayloadValue
{
    /// <summary>Creates a null.</summary>
    /// <param name="origin">Where the null came from, or null.</param>
    public PayloadNull(object? origin = null)
        : base(origin)
    {
    }

    /// <inheritdoc />
    public override PayloadKind Kind => PayloadKind.Null;
}

/// <summary>A value that is present but not a compile-time constant (a variable, a call): it counts as present and skips value checks.</summary>
public sealed class PayloadUnknown : PayloadValue
{
    /// <summary>Creates an unknown value.</summary>
    /// <param name="origin">Where the value came from, or null.</param>
    public PayloadUnknown(object? origin = null)
        : base(origin)
    {
    }

    /// <inheritdoc />
    public override PayloadKind Kind => PayloadKind.Unknown;
}
