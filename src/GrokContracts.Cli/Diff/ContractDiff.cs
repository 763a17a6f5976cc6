using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GrokContracts.Spec;

namespace GrokContracts.Cli.Diff;

/// <summary>
/// What changes for a caller when a channel's contract goes from <c>old</c> to <c>new</c>. Breaking: anything that can
/// make a request the old contract accepted be rejected (removed parameter or value, narrowed range or item count, new
/// required parameter, required-ness, non-emptiness, new format, type change), anything that makes code generated from
/// the old spec stop compiling (removed parameter, type change), and changes of model id, endpoints and error codes
/// (clients pattern-match on codes). Non-breaking: added optional parameters and values, widened ranges, relaxed rules.
/// </summary>
/// <remarks>
/// A default change is reported as <b>non-breaking</b>: every request the old contract accepted is still accepted and
/// means the same for every parameter it sends, and the typed requests write their defaults explicitly, so nothing
/// fails. It does change what a request that omits the parameter gets (length, resolution, price), so the line says so
/// and users who send raw payloads should read it. Messages are not compared: they are not a stable contract.
/// </remarks>
public static class ContractDiff
{
    /// <summary>Every difference, in spec order: model, endpoints, old parameters, added parameters, error codes.</summary>
    public static IReadOnlyList<ContractChange> Compare(Contract oldContract, Contract newContract)
    {
        ArgumentNullException.ThrowIfNull(oldContract);
        ArgumentNullException.ThrowIfNull(newContract);
        var changes = new List<ContractChange>();
        if (oldContract.ModelId != newContract.ModelId)
        {
            changes.Add(Breaking(ChangeKind.ModelIdChanged, "model", $"model id changed from '{oldContract.ModelId}' to '{newContract.ModelId}' (payloads carrying the old id are rejected)"));
        }

        CompareEndpoints(oldContract.Endpoints, newContract.Endpoints, changes);
        foreach (var oldParameter in oldContract.Parameters)
        {
            if (newContract.FindParameter(oldParameter.Name) is { } newParameter)
            {
                CompareParameter(oldParameter, newParameter, changes);
            }
            else
            {
                changes.Add(Breaking(ChangeKind.ParameterRemoved, oldParameter.Name, "parameter removed (requests and code that set it break)"));
            }
        }

        foreach (var added in newContract.Parameters.Where(p => oldContract.FindParameter(p.Name) is null))
        {
            changes.Add(added.Required
                ? Breaking(ChangeKind.RequiredParameterAdded, added.Name, $"new required parameter ({Describe(added)})")
                : NonBreaking(ChangeKind.OptionalParameterAdded, added.Name, $"optional parameter added ({Describe(added)})"));
        }

        CompareErrorCodes(oldContract, newContract, changes);
        return changes;
    }

    private static void CompareEndpoints(ContractEndpoints oldEndpoints, ContractEndpoints newEndpoints, List<ContractChange> changes)
    {
        if (oldEndpoints.BaseUrl != newEndpoints.BaseUrl)
        {
            changes.Add(Breaking(ChangeKind.EndpointChanged, "endpoints.baseUrl", $"base URL changed from {oldEndpoints.BaseUrl} to {newEndpoints.BaseUrl}"));
        }

        if (oldEndpoints.Submit != newEndpoints.Submit)
        {
            changes.Add(Breaking(ChangeKind.EndpointChanged, "endpoints.submit", $"submit endpoint changed from {oldEndpoints.Submit.Method} {oldEndpoints.Submit.Path} to {newEndpoints.Submit.Method} {newEndpoints.Submit.Path}"));
        }

        if (oldEndpoints.Poll != newEndpoints.Poll)
        {
            changes.Add(Breaking(ChangeKind.EndpointChanged, "endpoints.poll", $"poll endpoint changed from {oldEndpoints.Poll.Method} {oldEndpoints.Poll.Path} to {newEndpoints.Poll.Method} {newEndpoints.Poll.Path}"));
        }
    }

    private static void CompareParameter(Parameter oldParameter, Parameter newParameter, List<ContractChange> changes)
    {
        var name = oldParameter.Name;
        if (oldParameter.Type != newParameter.Type)
        {
            changes.Add(Breaking(ChangeKind.TypeChanged, name, $"type changed from {TypeWord(oldParameter.Type)} to {TypeWord(newParameter.Type)}"));

            // Rules of a different type are not comparable value by value; the type change says it all.
            return;
        }

        if (oldParameter.Required != newParameter.Required)
        {
            changes.Add(newParameter.Required
                ? Breaking(ChangeKind.BecameRequired, name, "now required (requests without it are rejected)")
                : NonBreaking(ChangeKind.NoLongerRequired, name, "no longer required"));
        }

        if (oldParameter.NonEmpty != newParameter.NonEmpty)
        {
            changes.Add(newParameter.NonEmpty
                ? Breaking(ChangeKind.BecameNonEmpty, name, "an empty value is now rejected")
                : NonBreaking(ChangeKind.EmptyAllowed, name, "an empty value is now accepted"));
        }

        CompareAllowedValues(oldParameter, newParameter, changes);
        CompareRange(name, oldParameter.Minimum, oldParameter.Maximum, newParameter.Minimum, newParameter.Maximum, ChangeKind.RangeNarrowed, ChangeKind.RangeWidened, "range", changes);
        CompareRange(name, oldParameter.MinItems, oldParameter.MaxItems, newParameter.MinItems, newParameter.MaxItems, ChangeKind.ItemCountNarrowed, ChangeKind.ItemCountWidened, "item count", changes);
        if (oldParameter.Format != newParameter.Format)
        {
            changes.Add(newParameter.Format == StringFormat.None
                ? NonBreaking(ChangeKind.FormatRemoved, name, $"format {FormatWord(oldParameter.Format)} no longer required")
                : Breaking(ChangeKind.FormatAdded, name, $"new format {FormatWord(newParameter.Format)}" + (oldParameter.Format == StringFormat.None ? string.Empty : $" (was {FormatWord(oldParameter.Format)})")));
        }

        if (!Equals(oldParameter.Default, newParameter.Default))
        {
            changes.Add(NonBreaking(ChangeKind.DefaultChanged, name, $"default changed from {ValueWord(oldParameter.Default)} to {ValueWord(newParameter.Default)} (requests that omit it get a different result)"));
        }
    }

    private static void CompareAllowedValues(Parameter oldParameter, Parameter newParameter, List<ContractChange> changes)
    {
        var name = oldParameter.Name;
        var oldValues = oldParameter.AllowedValues.Select(v => v.Value).ToList();
        var newValues = newParameter.AllowedValues.Select(v => v.Value).ToList();
        if (oldValues.Count == 0 && newValues.Count > 0)
        {
            changes.Add(Breaking(ChangeKind.ValueRemoved, name, $"now limited to {Join(newValues)} (any value was accepted)"));
            return;
        }

        if (oldValues.Count > 0 && newValues.Count == 0)
        {
            changes.Add(NonBreaking(ChangeKind.ValueAdded, name, $"any value now accepted (was {Join(oldValues)})"));
            return;
        }

        foreach (var removed in oldValues.Where(v => !newValues.Contains(v)))
        {
            changes.Add(Breaking(ChangeKind.ValueRemoved, name, $"value '{removed}' removed"));
        }

        foreach (var added in newValues.Where(v => !oldValues.Contains(v)))
        {
            changes.Add(NonBreaking(ChangeKind.ValueAdded, name, $"value '{added}' added"));
        }
    }

    private static void CompareRange<T>(string name, T? oldMin, T? oldMax, T? newMin, T? newMax, ChangeKind narrowedKind, ChangeKind widenedKind, string what, List<ContractChange> changes)
        where T : struct, IComparable<T>, IFormattable
    {
        // A bound that appears, or moves inward, loses values; one that disappears, or moves outward, gains values.
        var narrowed = Tighter(oldMin, newMin, lower: true) || Tighter(oldMax, newMax, lower: false);
        var widened = Tighter(newMin, oldMin, lower: true) || Tighter(newMax, oldMax, lower: false);
        var text = $"{what} {(narrowed && widened ? "changed" : narrowed ? "narrowed" : "widened")} from {Range(oldMin, oldMax)} to {Range(newMin, newMax)}";
        if (narrowed)
        {
            changes.Add(Breaking(narrowedKind, name, text));
        }
        else if (widened)
        {
            changes.Add(NonBreaking(widenedKind, name, text));
        }
    }

    // True when bound b excludes values that bound a allowed.
    private static bool Tighter<T>(T? a, T? b, bool lower)
        where T : struct, IComparable<T> =>
        b is { } right && (a is not { } left || (lower ? right.CompareTo(left) > 0 : right.CompareTo(left) < 0));

    private static void CompareErrorCodes(Contract oldContract, Contract newContract, List<ContractChange> changes)
    {
        foreach (ViolationKind kind in Enum.GetValues<ViolationKind>())
        {
            var oldCode = oldContract.FindError(kind)?.Code;
            var newCode = newContract.FindError(kind)?.Code;
            if (oldCode != newCode)
            {
                var subject = "errors." + ErrorTemplates.ToSpecKey(kind);
                changes.Add(Breaking(ChangeKind.ErrorCodeChanged, subject, $"code changed from {CodeWord(oldCode)} to {CodeWord(newCode)}"));
            }
        }
    }

    private static string Describe(Parameter parameter)
    {
        var parts = new List<string> { TypeWord(parameter.Type) };
        if (parameter.AllowedValues.Count > 0)
        {
            parts.Add(Join(parameter.AllowedValues.Select(v => v.Value)));
        }

        if (parameter.Minimum is not null || parameter.Maximum is not null)
        {
            parts.Add(Range(parameter.Minimum, parameter.Maximum));
        }

        if (parameter.Default is not null)
        {
            parts.Add("default " + parameter.Default);
        }

        return string.Join(", ", parts);
    }

    private static string Range<T>(T? minimum, T? maximum)
        where T : struct, IFormattable =>
        $"[{Bound(minimum, "-inf")}, {Bound(maximum, "inf")}]";

    private static string Bound<T>(T? value, string unbounded)
        where T : struct, IFormattable =>
        value is { } v ? (v is decimal d ? ErrorTemplates.FormatNumber(d) : v.ToString(null, CultureInfo.InvariantCulture)) : unbounded;

    private static string Join(IEnumerable<string> values) => string.Join(" / ", values);

    private static string TypeWord(ParameterType type) => type == ParameterType.StringArray ? "array of strings" : ErrorTemplates.JsonTypeWord(type);

    private static string FormatWord(StringFormat format) => format == StringFormat.PublicHttpUrl ? "public-http-url" : "none";

    private static string ValueWord(ContractValue? value) => value?.ToString() ?? "none";

    private static string CodeWord(int? code) => code?.ToString(CultureInfo.InvariantCulture) ?? "none (not rejected)";

    private static ContractChange Breaking(ChangeKind kind, string subject, string description) => new(ChangeSeverity.Breaking, kind, subject, description);

    private static ContractChange NonBreaking(ChangeKind kind, string subject, string description) => new(ChangeSeverity.NonBreaking, kind, subject, description);
}
