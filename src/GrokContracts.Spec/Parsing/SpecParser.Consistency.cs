using System;
using System.Collections.Generic;

namespace GrokContracts.Spec.Parsing;

// GRK102 (inconsistent spec): generated C# names and integer bounds, checked here.
internal sealed partial class SpecParser
{
    /// <summary>
    /// C# names the generator will emit must be valid and must not collide — with each other and with the members
    /// the generator always declares (<see cref="ContractNaming.GeneratedRequestMembers"/>,
    /// <see cref="ContractNaming.GeneratedChannelMembers"/>) — and integer parameters, generated as C# <c>int</c>,
    /// must have bounds and defaults that fit. One diagnostic per parameter and kind of name, at the node to change.
    /// </summary>
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

        // Each table maps a generated name to who declares it (null: the generator itself).
        var types = new Dictionary<string, string?>(StringComparer.Ordinal) { [requestType] = null };
        var channelType = modelId is null ? null : ContractNaming.ChannelTypeName(modelId);
        if (channelType is not null && channelType == requestType && requestTypeNode is not null)
        {
            Diagnostics.Inconsistent($"'requestType' '{requestType}' is the name of the generated channel class; choose another", requestTypeNode);
        }

        var requestMembers = Reserved(requestType, ContractNaming.GeneratedRequestMembers);
        var channelMembers = Reserved(channelType ?? string.Empty, ContractNaming.GeneratedChannelMembers);
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (channelType is not null)
        {
            types[channelType] = null;
        }

        foreach (var parsed in _parameters)
        {
            var parameter = parsed.Parameter;
            var at = (SpecNode?)parsed.View?.Value("csharpName") ?? parsed.KeyNode;
            var property = parameter.PropertyName;

            // The property, its With… method, its camelCase field/argument and its channel constants: stop at the first clash.
            var clash = Claim(requestMembers, property, parameter.Name, "property")
                ?? Claim(requestMembers, ContractNaming.WithMethodName(parameter), parameter.Name, "method")
                ?? Claim(fields, ContractNaming.ArgumentName(parameter), parameter.Name, "field and constructor argument");
            foreach (var suffix in ContractNaming.GeneratedChannelConstantSuffixes)
            {
                clash ??= Claim(channelMembers, property + suffix, parameter.Name, "channel constant");
            }

            if (clash is not null)
            {
                Diagnostics.Inconsistent(clash + "; add 'csharpName:'", at);
            }

            if (parameter.EnumName is { } enumName)
            {
                // Claimed whenever an enum name is set (not only when ContractNaming.IsEnum): a spec that names an enum reserves it.
                var enumAt = (SpecNode?)parsed.View?.Value("enum") ?? (SpecNode?)parsed.View?.Key("values") ?? parsed.KeyNode;
                var enumClash = Claim(types, enumName, parameter.Name, "enum")
                    ?? Claim(types, enumName + ContractNaming.WireClassSuffix, parameter.Name, "enum helper class");
                if (enumClash is not null)
                {
                    Diagnostics.Inconsistent(enumClash + "; add 'enum:'", enumAt);
                }
            }

            if (parameter.Type == ParameterType.Integer && parsed.View is { } view)
            {
                CheckFitsInt(view, "minimum", parameter.Minimum);
                CheckFitsInt(view, "maximum", parameter.Maximum);
                CheckFitsInt(view, "default", parameter.Default is { Kind: ContractValueKind.Number } d ? d.Number : null);
            }
        }
    }

    private static Dictionary<string, string?> Reserved(string typeName, IEnumerable<string> members)
    {
        // A member cannot have its type's name either (CS0542).
        var names = new Dictionary<string, string?>(StringComparer.Ordinal) { [typeName] = null };
        foreach (var member in members)
        {
            names[member] = null;
        }

        return names;
    }

    /// <summary>
    /// Claims <paramref name="name"/> as <paramref name="parameter"/>'s <paramref name="what"/>; the clash message when
    /// it is taken, else null. Table values say who holds a name (null: the generator itself).
    /// </summary>
    private static string? Claim(Dictionary<string, string?> names, string name, string parameter, string what)
    {
        if (!names.TryGetValue(name, out var owner))
        {
            names.Add(name, $"the {what} of parameter '{parameter}'");
            return null;
        }

        return $"parameter '{parameter}' gets the C# {what} name '{name}', which {owner ?? "the generated code"} already uses";
    }

    private void CheckFitsInt(SpecMappingView view, string key, decimal? value)
    {
        if (value is decimal v && (v < int.MinValue || v > int.MaxValue) && view.Value(key) is { } node)
        {
            Diagnostics.Inconsistent($"'{view.Describe(key)}' {v.ToString(System.Globalization.CultureInfo.InvariantCulture)} does not fit the generated C# int [-2147483648, 2147483647]", node);
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
