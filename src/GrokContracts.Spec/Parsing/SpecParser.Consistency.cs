using System;
using System.Collections.Generic;

namespace GrokContracts.Spec.Parsing;

internal sealed partial class SpecParser
{
    /// <summary>C# names the generator will emit must be valid and must not collide.</summary>
    private void CheckNames(SpecMappingView top, string? modelId, string? ns, string requestType)
    {
        if (ns is not null && !ContractNaming.IsValidDottedName(ns))
        {
            Diagnostics.Inconsistent($"'namespace' '{ns}' is not a valid C# namespace (dotted identifiers, no keywords)", top.Value("namespace")!);
        }
        else if (ns is null && modelId is not null && !ContractNaming.IsValidDottedName(ContractNaming.DefaultNamespace(modelId)))
        {
            Diagnostics.Inconsistent($"cannot derive a C# namespace from model id '{modelId}'; add 'namespace:'", top.Value("model")!);
        }

        var requestTypeNode = top.Value("requestType");
        if (requestTypeNode is not null && !ContractNaming.IsValidIdentifier(requestType))
        {
            Diagnostics.Inconsistent($"'requestType' '{requestType}' is not a valid C# identifier", requestTypeNode);
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var enums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parsed in _parameters)
        {
            var parameter = parsed.Parameter;
            var at = (SpecNode?)parsed.View?.Value("csharpName") ?? parsed.KeyNode;
            if (parameter.PropertyName == requestType)
            {
                Diagnostics.Inconsistent($"parameter '{parameter.Name}' gets the C# property name '{parameter.PropertyName}', the name of the request type; add 'csharpName:'", at);
            }
            else if (properties.TryGetValue(parameter.PropertyName, out var other))
            {
                Diagnostics.Inconsistent($"parameters '{other}' and '{parameter.Name}' both get the C# property name '{parameter.PropertyName}'; add 'csharpName:'", at);
            }
            else
            {
                properties.Add(parameter.PropertyName, parameter.Name);
            }

            if (parameter.EnumName is not { } enumName)
            {
                continue;
            }

            var enumAt = (SpecNode?)parsed.View?.Value("enum") ?? (SpecNode?)parsed.View?.Key("values") ?? parsed.KeyNode;
            if (enumName == requestType)
            {
                Diagnostics.Inconsistent($"parameter '{parameter.Name}' gets the C# enum name '{enumName}', the name of the request type; add 'enum:'", enumAt);
            }
            else if (enums.TryGetValue(enumName, out var owner))
            {
                Diagnostics.Inconsistent($"parameters '{owner}' and '{parameter.Name}' both get the C# enum name '{enumName}'; add 'enum:'", enumAt);
            }
            else
            {
                enums.Add(enumName, parameter.Name);
            }
        }
    }

    /// <summary>
    /// Every message a parameter can produce must render completely: known placeholders with a value for that
    /// parameter, and a code for each per-parameter override (its own, or the contract-wide one).
    /// </summary>
    private void CheckErrorTemplates()
    {
        foreach (var rule in _errors)
        {
            if (rule.Message is not null)
            {
                ReportUnknownPlaceholders(rule.Message, "errors." + ErrorTemplates.ToSpecKey(rule.Kind), _errorNodes[rule.Kind]);
                if (rule.Kind == ViolationKind.UnknownParameter)
                {
                    foreach (var placeholder in ErrorTemplates.PlaceholdersIn(rule.Message))
                    {
                        if (placeholder != "name" && ErrorTemplates.UnknownPlaceholders("{" + placeholder + "}").Count == 0)
                        {
                            Diagnostics.Inconsistent($"'errors.unknown' can only use {{name}}: an unknown property has no {placeholder}", _errorNodes[rule.Kind]);
                        }
                    }
                }
            }
        }

        foreach (var parsed in _parameters)
        {
            var parameter = parsed.Parameter;
            foreach (var rule in parameter.Errors)
            {
                var path = "parameters." + parameter.Name + ".errors." + ErrorTemplates.ToSpecKey(rule.Kind);
                var node = parsed.ErrorNodes[rule.Kind];
                if (rule.Message is not null)
                {
                    ReportUnknownPlaceholders(rule.Message, path, node);
                }

                if (rule.Code is null && FindError(rule.Kind)?.Code is null)
                {
                    Diagnostics.Inconsistent(
                        $"'{path}' refers to an error the contract has no code for: add 'code:' here or in the top-level 'errors.{ErrorTemplates.ToSpecKey(rule.Kind)}' (unknown error code reference)",
                        node);
                }

                if (parsed.TypeKnown && !CanOccur(parameter, rule.Kind))
                {
                    Diagnostics.Inconsistent($"'{path}' can never apply to parameter '{parameter.Name}'", node);
                }
            }

            if (parsed.TypeKnown)
            {
                CheckPlaceholderValues(parsed);
            }
        }
    }

    private void CheckPlaceholderValues(ParsedParameter parsed)
    {
        var parameter = parsed.Parameter;
        for (var kind = ViolationKind.Missing; kind < ViolationKind.UnknownParameter; kind++)
        {
            if (!CanOccur(parameter, kind))
            {
                continue;
            }

            var own = FindRule(parameter.Errors, kind);
            string? template;
            SpecNode? node;
            if (own?.Message is not null)
            {
                template = own.Message;
                node = parsed.ErrorNodes[kind];
            }
            else
            {
                template = FindError(kind)?.Message;
                node = template is null ? null : _errorNodes[kind];
            }

            if (template is null || node is null)
            {
                continue;
            }

            foreach (var placeholder in ErrorTemplates.PlaceholdersIn(template))
            {
                if (ErrorTemplates.ValueOf(parameter, placeholder) is "")
                {
                    Diagnostics.Inconsistent(
                        $"the '{ErrorTemplates.ToSpecKey(kind)}' message of parameter '{parameter.Name}' uses {{{placeholder}}}, but '{parameter.Name}' has no {placeholder}",
                        node);
                }
            }
        }
    }

    private void ReportUnknownPlaceholders(string template, string path, SpecNode node)
    {
        foreach (var name in ErrorTemplates.UnknownPlaceholders(template))
        {
            Diagnostics.Inconsistent(
                $"'{path}' uses unknown placeholder {{{name}}}; placeholders: {{{string.Join("}, {", ErrorTemplates.Placeholders)}}}",
                node);
        }
    }

    /// <summary>Whether a payload can break <paramref name="parameter"/> in the way <paramref name="kind"/> names.</summary>
    private static bool CanOccur(Parameter parameter, ViolationKind kind) => kind switch
    {
        ViolationKind.Missing => parameter.Required,
        ViolationKind.Empty => parameter.NonEmpty,
        ViolationKind.WrongType => true,
        ViolationKind.TooFewItems => parameter.MinItems is not null,
        ViolationKind.TooManyItems => parameter.MaxItems is not null,
        ViolationKind.OutOfRange => parameter.Minimum is not null || parameter.Maximum is not null,
        ViolationKind.NotAllowed => parameter.AllowedValues.Count > 0,
        ViolationKind.BadFormat => parameter.Format != StringFormat.None,
        _ => false,
    };

    private ErrorRule? FindError(ViolationKind kind) => FindRule(_errors, kind);

    private static ErrorRule? FindRule(IEnumerable<ErrorRule> rules, ViolationKind kind)
    {
        foreach (var rule in rules)
        {
            if (rule.Kind == kind)
            {
                return rule;
            }
        }

        return null;
    }
}
