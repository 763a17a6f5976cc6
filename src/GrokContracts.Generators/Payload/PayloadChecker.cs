using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading;
using GrokContracts.Generators.Diagnostics;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;

namespace GrokContracts.Generators.Payload;

/// <summary>
/// Judges one payload object against its contract with the Spec library's rule engine and reports
/// GRK001-GRK008, with the data the code fixes need in the diagnostic's properties.
/// </summary>
internal static class PayloadChecker
{
    /// <summary>The <c>model</c> property when it is a constant string, else null (then the object is not a payload).</summary>
    public static PayloadProperty? FindModel(PayloadObject payload) =>
        FindProperty(payload, "model") is { Value: PayloadString } model ? model : null;

    /// <summary>
    /// Reports the violations of <paramref name="payload"/>; returns the contract when the payload names a known
    /// one and breaks none of its rules (a candidate for GRK009), else null.
    /// </summary>
    public static Contract? Check(
        PayloadObject payload,
        KnownContracts contracts,
        OriginLocator locator,
        Action<Diagnostic> report,
        CancellationToken cancellationToken)
    {
        if (FindModel(payload) is not { Value: PayloadString modelValue } modelProperty)
        {
            return null;
        }

        var contract = contracts.Find(modelValue.Value);
        if (contract is null)
        {
            if (contracts.FindClosestModelId(modelValue.Value) is { } closest && locator.Locate(modelValue.Origin) is { } modelLocation)
            {
                var properties = Properties(locator)
                    .Add(PayloadFixProperties.Parameter, "model")
                    .Add(PayloadFixProperties.Replacement, closest)
                    .Add(PayloadFixProperties.ReplacementKind, "string");
                report(Diagnostic.Create(
                    DiagnosticDescriptors.UnknownModel, // GRK008
                    modelLocation,
                    properties,
                    $"model = \"{modelValue.Value}\" is not a known contract; did you mean \"{closest}\"?"));
            }

            return null;
        }

        if (ContractRules.IsTaskResponse(contract, payload))
        {
            return null;
        }

        IReadOnlyList<ContractViolation> violations;
        try
        {
            violations = ContractRules.Check(contract, payload, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception)
        {
            // The rule engine must not throw; if it does, say nothing rather than crash the compiler (AD0001).
            return null;
        }

        var clean = true;
        foreach (var violation in violations)
        {
            if (violation.Kind == ViolationKind.UnknownParameter && violation.Parameter == "model")
            {
                continue;
            }

            clean = false;
            var diagnostic = CreateDiagnostic(violation, payload, modelProperty, contract, locator);
            if (diagnostic is not null)
            {
                report(diagnostic);
            }
        }

        return clean ? contract : null;
    }

    /// <summary>Reports the violations of one parameter's value (the typed API, where the rest of the payload is not in sight).</summary>
    public static void CheckParameter(Contract contract, Parameter parameter, PayloadValue value, OriginLocator locator, Action<Diagnostic> report)
    {
        IReadOnlyList<ContractViolation> violations;
        try
        {
            violations = ContractRules.CheckParameter(contract, parameter, value);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return;
        }

        if (violations.Count == 0)
        {
            return;
        }

        var property = new PayloadProperty(parameter.Name, value, value.Origin);
        var payload = new PayloadObject(new[] { property });
        foreach (var violation in violations)
        {
            if (CreateDiagnostic(violation, payload, property, contract, locator) is { } diagnostic)
            {
                report(diagnostic);
            }
        }
    }

    private static Diagnostic? CreateDiagnostic(
        ContractViolation violation,
        PayloadObject payload,
        PayloadProperty modelProperty,
        Contract contract,
        OriginLocator locator)
    {
        var parameter = contract.FindParameter(violation.Parameter);
        var property = FindProperty(payload, violation.Parameter);
        var value = violation.Value ?? property?.Value;
        var properties = Properties(locator).Add(PayloadFixProperties.Parameter, violation.Parameter);
        var api = violation.Code is { } code
            ? $" (the API answers {code.ToString(CultureInfo.InvariantCulture)} '{violation.Message}')"
            : string.Empty;
        var model = contract.ModelId;
        IEnumerable<Location>? additional = null;
        DiagnosticDescriptor descriptor;
        string message;
        Location? location;

        switch (violation.Kind)
        {
            case ViolationKind.OutOfRange:
                descriptor = DiagnosticDescriptors.OutOfRange; // GRK001
                location = locator.Locate(value?.Origin);
                message = $"{violation.Parameter} = {Render(value)} is outside {Range(parameter)} on {model}{api}";
                if (value is PayloadNumber number && Clamp(number.Value, parameter) is { } clamped)
                {
                    properties = properties
                        .Add(PayloadFixProperties.Replacement, clamped.ToString(CultureInfo.InvariantCulture))
                        .Add(PayloadFixProperties.ReplacementKind, "number");
                }

                break;
            case ViolationKind.WrongType:
                descriptor = DiagnosticDescriptors.WrongType; // GRK002
                location = locator.Locate(value?.Origin);
                message = $"{Path(violation)} = {Render(value)} is a JSON {JsonType(value)} but {model} expects a JSON {Expected(parameter)}{api}";
                if (parameter is not null && Convert(value, parameter.Type) is { } converted)
                {
                    properties = properties
                        .Add(PayloadFixProperties.Replacement, converted.Value)
                        .Add(PayloadFixProperties.ReplacementKind, converted.Kind);
                }

                break;
            case ViolationKind.NotAllowed:
                descriptor = DiagnosticDescriptors.NotAllowed; // GRK003
                location = locator.Locate(value?.Origin);
                var allowed = AllowedValues(parameter);
                message = $"{violation.Parameter} = {Render(value)} is not allowed on {model} (allowed: {string.Join(", ", allowed)}){api}";
                if (allowed.Count > 0)
                {
                    properties = properties.Add(PayloadFixProperties.AllowedValues, string.Join("\n", allowed));
                }

                break;
            case ViolationKind.Missing:
                descriptor = DiagnosticDescriptors.MissingRequired; // GRK004
                location = locator.Locate(value?.Origin ?? modelProperty.Value.Origin);
                message = value is PayloadNull
                    ? $"{violation.Parameter} is null but {model} requires it{api}"
                    : $"{violation.Parameter} is required on {model} but the payload does not set it{api}";
                break;
            case ViolationKind.Empty:
                descriptor = DiagnosticDescriptors.MissingRequired; // GRK004
                location = locator.Locate(value?.Origin ?? modelProperty.Value.Origin);
                message = $"{violation.Parameter} = {Render(value)} is empty but {model} requires a non-empty value{api}";
                break;
            case ViolationKind.TooFewItems:
                descriptor = DiagnosticDescriptors.MissingRequired; // GRK004
                location = locator.Locate(value?.Origin ?? modelProperty.Value.Origin);
                message = $"{violation.Parameter} has {ItemCount(value)} but {model} requires at least {parameter?.MinItems ?? 1}{api}";
                break;
            case ViolationKind.BadFormat:
                descriptor = DiagnosticDescriptors.BadUrl; // GRK005
                location = locator.Locate(value?.Origin);
                message = $"{Path(violation)} = {Render(value)} is not a public http(s) URL on {model}{api}";
                break;
            case ViolationKind.TooManyItems:
                descriptor = DiagnosticDescriptors.TooManyItems; // GRK006
                location = locator.Locate(value?.Origin);
                message = $"{violation.Parameter} has {ItemCount(value)} but {model} allows at most {parameter?.MaxItems ?? 1}{api}";
                if (value is PayloadArray { Items.Count: > 0 } array && locator.Locate(array.Items[0].Origin) is { } firstItem)
                {
                    additional = new[] { firstItem };
                }

                break;
            case ViolationKind.UnknownParameter:
                descriptor = DiagnosticDescriptors.UnknownParameter; // GRK007
                location = locator.Locate(property?.Origin ?? value?.Origin);
                var renameTo = ClosestParameter(violation.Parameter, contract, payload);
                message = renameTo is null
                    ? $"{violation.Parameter} is not a parameter of {model}{api}"
                    : $"{violation.Parameter} is not a parameter of {model}; did you mean '{renameTo}'?{api}";
                if (renameTo is not null)
                {
                    properties = properties.Add(PayloadFixProperties.RenameTo, renameTo);
                }

                if (property is not null && locator.LocateMember(property) is { } member)
                {
                    additional = new[] { member };
                }

                break;
            default:
                return null;
        }

        return location is null ? null : Diagnostic.Create(descriptor, location, additional, properties, message);
    }

    /// <summary>The diagnostic properties every payload diagnostic carries.</summary>
    public static ImmutableDictionary<string, string?> Properties(OriginLocator locator) =>
        ImmutableDictionary<string, string?>.Empty.Add(PayloadFixProperties.Context, locator.Context);

    /// <summary>The last property named <paramref name="name"/>: like JSON readers, the last duplicate wins.</summary>
    private static PayloadProperty? FindProperty(PayloadObject payload, string name)
    {
        for (var i = payload.Properties.Count - 1; i >= 0; i--)
        {
            if (payload.Properties[i].Name == name)
            {
                return payload.Properties[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The contract's parameter <paramref name="name"/> is likely a typo of (<see cref="DidYouMean.Closest"/>), unless
    /// the payload already sets that parameter.
    /// </summary>
    internal static string? ClosestParameter(string name, Contract contract, PayloadObject payload)
    {
        var names = new List<string>(contract.Parameters.Count);
        foreach (var parameter in contract.Parameters)
        {
            names.Add(parameter.Name);
        }

        return DidYouMean.Closest(name, names, candidate => FindProperty(payload, candidate) is not null);
    }

    private static decimal? Clamp(double value, Parameter? parameter)
    {
        if (parameter?.Minimum is { } minimum && value < (double)minimum)
        {
            return minimum;
        }

        if (parameter?.Maximum is { } maximum && value > (double)maximum)
        {
            return maximum;
        }

        return null;
    }

    private static (string Value, string Kind)? Convert(PayloadValue? value, ParameterType type)
    {
        switch (type)
        {
            case ParameterType.Integer when value is PayloadString s
                && long.TryParse(s.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                return (integer.ToString(CultureInfo.InvariantCulture), "number");
            case ParameterType.Number when value is PayloadString s
                && decimal.TryParse(s.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return (number.ToString(CultureInfo.InvariantCulture), "number");
            case ParameterType.Boolean when value is PayloadString s && bool.TryParse(s.Value.Trim(), out var boolean):
                return (boolean ? "true" : "false", "boolean");
            case ParameterType.String when value is PayloadNumber n:
                return (n.Text, "string");
            case ParameterType.String when value is PayloadBoolean b:
                return (b.Value ? "true" : "false", "string");
            case ParameterType.StringArray when value is PayloadString s:
                return (s.Value, "array");
            default:
                return null;
        }
    }

    private static List<string> AllowedValues(Parameter? parameter)
    {
        var values = new List<string>();
        if (parameter is null)
        {
            return values;
        }

        if (parameter.Default is { Kind: ContractValueKind.String, String: { } defaultValue } && parameter.FindAllowedValue(defaultValue) is not null)
        {
            values.Add(defaultValue);
        }

        foreach (var allowed in parameter.AllowedValues)
        {
            if (!values.Contains(allowed.Value))
            {
                values.Add(allowed.Value);
            }
        }

        return values;
    }

    private static string Range(Parameter? parameter)
    {
        var minimum = parameter?.Minimum?.ToString(CultureInfo.InvariantCulture);
        var maximum = parameter?.Maximum?.ToString(CultureInfo.InvariantCulture);
        return (minimum, maximum) switch
        {
            ({ } min, { } max) => min + "-" + max,
            ({ } min, null) => min + " or more",
            (null, { } max) => max + " or less",
            _ => "the allowed range",
        };
    }

    private static string Expected(Parameter? parameter) => parameter?.Type switch
    {
        ParameterType.String => "string",
        ParameterType.Integer => "integer",
        ParameterType.Number => "number",
        ParameterType.Boolean => "boolean",
        ParameterType.StringArray => "array of strings",
        _ => "value of another type",
    };

    private static string JsonType(PayloadValue? value) => value switch
    {
        PayloadString => "string",
        PayloadNumber n => n.IsIntegral ? "integer" : "number",
        PayloadBoolean => "boolean",
        PayloadArray => "array",
        PayloadObject => "object",
        PayloadNull => "null",
        _ => "value",
    };

    private static string ItemCount(PayloadValue? value) => value is PayloadArray array
        ? array.Items.Count == 1 ? "1 entry" : array.Items.Count.ToString(CultureInfo.InvariantCulture) + " entries"
        : "no entries";

    private static string Path(ContractViolation violation) =>
        string.IsNullOrEmpty(violation.Path) ? violation.Parameter : violation.Path.TrimStart('$', '.');

    /// <summary>A short JSON-like rendering of a value for messages.</summary>
    internal static string Render(PayloadValue? value)
    {
        switch (value)
        {
            case PayloadString s:
                var text = s.Value.Length > 60 ? s.Value.Substring(0, 57) + "..." : s.Value;
                return "\"" + text + "\"";
            case PayloadNumber n:
                return n.Text;
            case PayloadBoolean b:
                return b.Value ? "true" : "false";
            case PayloadNull:
                return "null";
            case PayloadArray a:
                var builder = new StringBuilder("[");
                for (var i = 0; i < a.Items.Count && i < 3; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ").Append(Render(a.Items[i]));
                }

                return builder.Append(a.Items.Count > 3 ? ", ...]" : "]").ToString();
            case PayloadObject:
                return "{...}";
            default:
                return "(not a constant)";
        }
    }
}
