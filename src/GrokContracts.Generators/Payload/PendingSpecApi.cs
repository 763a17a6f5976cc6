// TEMPORARY stand-in for the Spec library API announced on branch spec-lib (ContractParser, PayloadValue,
// PayloadJson, ContractRules). It exists only so this branch builds before spec-lib is merged, and is
// deleted by the merge commit. Nothing here has behaviour worth testing.
using System;
using System.Collections.Generic;
using System.Threading;

namespace GrokContracts.Spec;

internal enum PayloadKind { Object, Array, String, Number, Boolean, Null, Unknown }

internal abstract class PayloadValue
{
    protected PayloadValue(object? origin) => Origin = origin;

    public abstract PayloadKind Kind { get; }

    public object? Origin { get; }
}

internal sealed record PayloadProperty(string Name, PayloadValue Value, object? Origin);

internal sealed class PayloadObject(IReadOnlyList<PayloadProperty> properties, object? origin) : PayloadValue(origin)
{
    public IReadOnlyList<PayloadProperty> Properties { get; } = properties;

    public override PayloadKind Kind => PayloadKind.Object;
}

internal sealed class PayloadArray(IReadOnlyList<PayloadValue> items, object? origin) : PayloadValue(origin)
{
    public IReadOnlyList<PayloadValue> Items { get; } = items;

    public override PayloadKind Kind => PayloadKind.Array;
}

internal sealed class PayloadString(string value, object? origin) : PayloadValue(origin)
{
    public string Value { get; } = value;

    public override PayloadKind Kind => PayloadKind.String;
}

internal sealed class PayloadNumber(double value, string? text = null, object? origin = null) : PayloadValue(origin)
{
    public double Value { get; } = value;

    public string Text { get; } = text ?? value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    public bool IsIntegral => !double.IsInfinity(Value) && !double.IsNaN(Value) && Value == Math.Floor(Value);

    public override PayloadKind Kind => PayloadKind.Number;
}

internal sealed class PayloadBoolean(bool value, object? origin) : PayloadValue(origin)
{
    public bool Value { get; } = value;

    public override PayloadKind Kind => PayloadKind.Boolean;
}

internal sealed class PayloadNull(object? origin) : PayloadValue(origin)
{
    public override PayloadKind Kind => PayloadKind.Null;
}

internal sealed class PayloadUnknown(object? origin) : PayloadValue(origin)
{
    public override PayloadKind Kind => PayloadKind.Unknown;
}

internal readonly record struct PayloadSpan(int Start, int Length);

internal sealed record PayloadJsonError(string Message, int Offset);

internal static class PayloadJson
{
    public static bool TryParse(string json, out PayloadValue? value, out PayloadJsonError? error)
    {
        _ = json;
        value = null;
        error = new PayloadJsonError("pending", 0);
        return false;
    }
}

internal sealed record ContractViolation(ViolationKind Kind, string Parameter, string Path, int? Code, string Message, PayloadValue? Value);

internal static class ContractRules
{
    public static IReadOnlyList<ContractViolation> Check(Contract contract, PayloadObject payload, CancellationToken cancellationToken)
    {
        _ = contract;
        _ = payload;
        _ = cancellationToken;
        return Array.Empty<ContractViolation>();
    }
}
