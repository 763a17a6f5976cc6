using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using GrokContracts.Internal;

namespace GrokContracts.Spec;

/// <summary>
/// The one answer to "does this payload satisfy the contract?", shared by the emulator (JSON bodies) and the
/// analyzer (C# constants). Checks run in <see cref="Contract.ValidationOrder"/>, the API's reporting order, so the
/// first violation with a code is exactly what the API answers.
/// </summary>
/// <remarks>
/// JSON <c>null</c> counts as absent: for a required parameter it is <see cref="ViolationKind.Missing"/>, for an
/// optional one it is accepted (the reference does not say; absent is the reading that never rejects a valid request).
/// <see cref="PayloadUnknown"/> values count as present and skip every value check. The <c>model</c> property is
/// not checked here: it selects the contract.
/// </remarks>
public static class ContractRules
{
    /// <summary>The payload property that selects the contract; never reported as unknown.</summary>
    public const string ModelProperty = "model";

    /// <summary>
    /// Whether <paramref name="payload"/> is a task the API answered with rather than a request: it has a
    /// <c>status</c> member (the task envelope's, <c>TaskEnvelope.Status</c>) that the contract does not
    /// declare as a parameter, holding one of the contract's <c>task.statuses</c> words. A request never carries one,
    /// so such an object is not judged as a request at all (a test's fake server, a recorded answer).
    /// </summary>
    /// <param name="contract">The contract the object's <c>model</c> names.</param>
    /// <param name="payload">The object.</param>
    public static bool IsTaskResponse(Contract contract, PayloadObject payload)
    {
        if (contract is null)
        {
            throw new ArgumentNullException(nameof(contract));
        }

        if (payload is null)
        {
            throw new ArgumentNullException(nameof(payload));
        }

        if (contract.FindParameter(TaskEnvelope.Status) is not null || payload.Find(TaskEnvelope.Status)?.Value is not PayloadString status)
        {
            return false;
        }

        foreach (var word in contract.Statuses)
        {
            if (string.Equals(word.Value, status.Value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every violation of <paramref name="payload"/>: the contract's reporting order, then unknown properties.</summary>
    public static IReadOnlyList<ContractViolation> Check(Contract contract, PayloadObject payload, CancellationToken cancellationToken = default)
    {
        if (contract is null)
        {
            throw new ArgumentNullException(nameof(contract));
        }

        if (payload is null)
        {
            throw new ArgumentNullException(nameof(payload));
        }

        var violations = new List<ContractViolation>();
        foreach (var step in contract.ValidationOrder)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parameter = contract.FindParameter(step.Parameter);
            if (parameter is not null)
            {
                RunCheck(contract, parameter, step.Check, payload.Find(parameter.Name)?.Value, violations);
            }
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = payload.Properties.Count - 1; i >= 0; i--)
        {
            var property = payload.Properties[i];
            if (property.Name != ModelProperty && contract.FindParameter(property.Name) is null && reported.Add(property.Name))
            {
                var error = contract.ResolveUnknownParameterError(property.Name);
                violations.Add(new ContractViolation(ViolationKind.UnknownParameter, property.Name, PathOf(property.Name), error.Code, error.Message, property.Value));
            }
        }

        // Unknown properties were collected last-first (the last duplicate is the one that counts); report them in payload order.
        var firstUnknown = violations.Count - reported.Count;
        violations.Reverse(firstUnknown, reported.Count);
        return violations;
    }

    /// <summary>The first violation the API rejects (it has a code): exactly what the API answers, or null when it accepts.</summary>
    public static ContractViolation? FirstRejection(Contract contract, PayloadObject payload, CancellationToken cancellationToken = default)
    {
        foreach (var violation in Check(contract, payload, cancellationToken))
        {
            if (violation.IsRejected)
            {
                return violation;
            }
        }

        return null;
    }

    /// <summary>
    /// Violations of one parameter's <paramref name="value"/> (null or <see cref="PayloadNull"/> = absent), in the
    /// contract's reporting order. Used by the analyzer for single constant arguments.
    /// </summary>
    public static IReadOnlyList<ContractViolation> CheckParameter(Contract contract, Parameter parameter, PayloadValue? value)
    {
        if (contract is null)
        {
            throw new ArgumentNullException(nameof(contract));
        }

        if (parameter is null)
        {
            throw new ArgumentNullException(nameof(parameter));
        }

        var violations = new List<ContractViolation>();
        var ran = false;
        foreach (var step in contract.ValidationOrder)
        {
            if (step.Parameter == parameter.Name)
            {
                RunCheck(contract, parameter, step.Check, value, violations);
                ran = true;
            }
        }

        if (!ran)
        {
            // A parameter that is not part of this contract's order (built by hand): canonical order.
            for (var check = ValidationCheck.Required; check <= ValidationCheck.Format; check++)
            {
                if (IsApplicable(parameter, check))
                {
                    RunCheck(contract, parameter, check, value, violations);
                }
            }
        }

        return violations;
    }

    /// <summary>
    /// Whether <paramref name="check"/> applies to <paramref name="parameter"/>: required if required or nonEmpty;
    /// type always; items for arrays with minItems/maxItems; range with minimum/maximum; allowed with values; format with a format.
    /// </summary>
    public static bool IsApplicable(Parameter parameter, ValidationCheck check)
    {
        if (parameter is null)
        {
            throw new ArgumentNullException(nameof(parameter));
        }

        return check switch
        {
            ValidationCheck.Required => parameter.Required || parameter.NonEmpty,
            ValidationCheck.Type => true,
            ValidationCheck.Items => parameter.Type == ParameterType.StringArray && (parameter.MinItems is not null || parameter.MaxItems is not null),
            ValidationCheck.Range => parameter.Minimum is not null || parameter.Maximum is not null,
            ValidationCheck.Allowed => parameter.AllowedValues.Count > 0,
            ValidationCheck.Format => parameter.Format != StringFormat.None,
            _ => false,
        };
    }

    /// <summary>True when <paramref name="value"/> has the JSON type <paramref name="type"/> asks for (array items included).</summary>
    public static bool HasType(ParameterType type, PayloadValue value) => value switch
    {
        null => throw new ArgumentNullException(nameof(value)),
        PayloadUnknown => true,
        PayloadString => type == ParameterType.String,
        PayloadBoolean => type == ParameterType.Boolean,
        PayloadNumber number => type == ParameterType.Number || (type == ParameterType.Integer && number.IsIntegral),
        PayloadArray => type == ParameterType.StringArray,
        _ => false,
    };

    /// <summary>The JSON path of a top-level property: <c>$.name</c>, or <c>$['odd name']</c> when it is not a plain name.</summary>
    public static string PathOf(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var plain = name.Length > 0 && !char.IsDigit(name[0]);
        foreach (var c in name)
        {
            plain &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }

        return plain ? "$." + name : "$['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
    }

    private static void RunCheck(Contract contract, Parameter parameter, ValidationCheck check, PayloadValue? value, List<ContractViolation> violations)
    {
        if (value is PayloadNull)
        {
            value = null;
        }

        var path = PathOf(parameter.Name);
        switch (check)
        {
            case ValidationCheck.Required:
                if (value is null)
                {
                    if (parameter.Required)
                    {
                        Add(contract, parameter, ViolationKind.Missing, path, null, violations);
                    }
                }
                else if (parameter.NonEmpty && value is PayloadString { Value.Length: 0 })
                {
                    Add(contract, parameter, ViolationKind.Empty, path, value, violations);
                }

                break;
            case ValidationCheck.Type:
                if (value is not null && !HasType(parameter.Type, value))
                {
                    Add(contract, parameter, ViolationKind.WrongType, path, value, violations);
                }
                else if (value is PayloadArray typedArray)
                {
                    ForEachItem(typedArray, path, (item, itemPath) =>
                    {
                        if (!HasType(ParameterType.String, item))
                        {
                            Add(contract, parameter, ViolationKind.WrongType, itemPath, item, violations);
                        }
                    });
                }

                break;
            case ValidationCheck.Items:
                if (value is PayloadArray array && parameter.Type == ParameterType.StringArray)
                {
                    if (array.Items.Count < parameter.MinItems)
                    {
                        Add(contract, parameter, ViolationKind.TooFewItems, path, value, violations);
                    }
                    else if (array.Items.Count > parameter.MaxItems)
                    {
                        Add(contract, parameter, ViolationKind.TooManyItems, path, value, violations);
                    }
                }

                break;
            case ValidationCheck.Range:
                if (value is PayloadNumber number && HasType(parameter.Type, number) && !InRange(parameter, number.Value))
                {
                    Add(contract, parameter, ViolationKind.OutOfRange, path, value, violations);
                }

                break;
            case ValidationCheck.Allowed:
                if (value is PayloadString text && parameter.Type == ParameterType.String && parameter.FindAllowedValue(text.Value) is null)
                {
                    Add(contract, parameter, ViolationKind.NotAllowed, path, value, violations);
                }

                break;
            case ValidationCheck.Format:
                if (value is PayloadString single && parameter.Type == ParameterType.String && !MatchesFormat(parameter.Format, single.Value))
                {
                    Add(contract, parameter, ViolationKind.BadFormat, path, value, violations);
                }
                else if (value is PayloadArray items && parameter.Type == ParameterType.StringArray)
                {
                    ForEachItem(items, path, (item, itemPath) =>
                    {
                        if (item is PayloadString itemText && !MatchesFormat(parameter.Format, itemText.Value))
                        {
                            Add(contract, parameter, ViolationKind.BadFormat, itemPath, item, violations);
                        }
                    });
                }

                break;
        }
    }

    private static void ForEachItem(PayloadArray array, string path, Action<PayloadValue, string> action)
    {
        for (var i = 0; i < array.Items.Count; i++)
        {
            action(array.Items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
        }
    }

    private static bool InRange(Parameter parameter, double value)
    {
        if (double.IsNaN(value))
        {
            return false;
        }

        // decimal → double is exact enough for spec bounds (integers and short decimals); infinities fall outside.
        return (parameter.Minimum is not { } min || value >= (double)min) && (parameter.Maximum is not { } max || value <= (double)max);
    }

    private static bool MatchesFormat(StringFormat format, string value) => format switch
    {
        StringFormat.PublicHttpUrl => PublicHttpUrl.IsValid(value),
        _ => true,
    };

    private static void Add(Contract contract, Parameter parameter, ViolationKind kind, string path, PayloadValue? value, List<ContractViolation> violations)
    {
        var error = contract.ResolveError(parameter, kind);
        violations.Add(new ContractViolation(kind, parameter.Name, path, error.Code, error.Message, value));
    }
}
