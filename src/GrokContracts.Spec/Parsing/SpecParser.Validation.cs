using System;
using System.Collections.Generic;
using System.Globalization;

namespace GrokContracts.Spec.Parsing;

internal sealed partial class SpecParser
{
    private static readonly string[] ValidationKeys = { "order", "doc" };
    private static readonly string[] CheckWords = { "required", "type", "items", "range", "allowed", "format" };

    /// <summary>
    /// The fully resolved reporting order: the listed steps first (a bare <c>param</c> expands to all of its
    /// applicable checks in canonical order), then every applicable check not listed, in parameter declaration order.
    /// </summary>
    private EquatableArray<ValidationStep> ReadValidation(SpecMappingView top)
    {
        var steps = new List<ValidationStep>();
        var listed = new HashSet<ValidationStep>();
        var validation = _reader.ChildMapping(top, "validation", required: false, ValidationKeys);
        if (validation is not null)
        {
            _reader.String(validation, "doc", required: false);
            var order = _reader.ChildSequence(validation, "order", required: false);
            if (order is not null)
            {
                for (var i = 0; i < order.Items.Count; i++)
                {
                    ReadValidationStep(order.Items[i], "validation.order[" + i.ToString(CultureInfo.InvariantCulture) + "]", steps, listed);
                }
            }
        }

        foreach (var parsed in _parameters)
        {
            AddApplicableChecks(parsed.Parameter, steps, listed);
        }

        return EquatableArray.From(steps);
    }

    private void ReadValidationStep(SpecNode node, string path, List<ValidationStep> steps, HashSet<ValidationStep> listed)
    {
        if (node is not SpecScalar { Kind: ScalarKind.String } scalar)
        {
            var shown = node is SpecScalar other ? SpecReader.Quote(other) : node.Describe();
            Diagnostics.Schema($"'{path}' must be a string like 'duration' or 'duration.range', not {shown}", node);
            return;
        }

        var text = scalar.Text;
        if (_parametersByName.TryGetValue(text, out var whole))
        {
            AddApplicableChecks(whole.Parameter, steps, listed);
            return;
        }

        var dot = text.LastIndexOf('.');
        var name = dot < 0 ? text : text.Substring(0, dot);
        if (!_parametersByName.TryGetValue(name, out var parsed))
        {
            Diagnostics.Inconsistent($"'{path}' names unknown parameter '{name}'", scalar);
            return;
        }

        var word = text.Substring(dot + 1);
        var index = Array.IndexOf(CheckWords, word);
        if (index < 0)
        {
            Diagnostics.Schema($"'{path}': unknown check '{word}'; checks: {string.Join(", ", CheckWords)}", scalar);
            return;
        }

        var step = new ValidationStep(name, (ValidationCheck)index);
        if (!parsed.TypeKnown)
        {
            return;
        }

        if (!ContractRules.IsApplicable(parsed.Parameter, step.Check))
        {
            Diagnostics.Inconsistent($"'{path}': check '{word}' does not apply to parameter '{name}' ({ApplicabilityHint(step.Check)})", scalar);
            return;
        }

        if (!listed.Add(step))
        {
            Diagnostics.Inconsistent($"'{path}': '{text}' is listed twice", scalar);
            return;
        }

        steps.Add(step);
    }

    private static void AddApplicableChecks(Parameter parameter, List<ValidationStep> steps, HashSet<ValidationStep> listed)
    {
        for (var check = ValidationCheck.Required; check <= ValidationCheck.Format; check++)
        {
            var step = new ValidationStep(parameter.Name, check);
            if (ContractRules.IsApplicable(parameter, check) && listed.Add(step))
            {
                steps.Add(step);
            }
        }
    }

    private static string ApplicabilityHint(ValidationCheck check) => check switch
    {
        ValidationCheck.Required => "it is neither required nor nonEmpty",
        ValidationCheck.Items => "it is not an array with minItems/maxItems",
        ValidationCheck.Range => "it has no minimum/maximum",
        ValidationCheck.Allowed => "it has no values",
        _ => "it has no format",
    };
}
