using System;
using System.Collections.Generic;

namespace GrokContracts.Spec.Parsing;

internal sealed partial class SpecParser
{
    private static readonly string[] ParameterKeys =
    {
        "type", "items", "required", "nonEmpty", "default", "enum", "values", "minimum", "maximum", "minItems",
        "maxItems", "format", "unit", "doc", "csharpName", "errors",
    };

    private static readonly string[] TypeWords = { "string", "integer", "number", "boolean", "array" };
    private static readonly string[] ItemKeys = { "type", "format" };
    private static readonly string[] ItemTypeWords = { "string" };
    private static readonly string[] FormatWords = { "public-http-url" };
    private static readonly string[] ValueKeys = { "value", "name", "doc" };
    private static readonly string[] ParameterErrorKeys = { "code", "message", "doc" };

    private void ReadParameters(SpecMappingView top)
    {
        var parameters = _reader.ChildMapping(top, "parameters", required: true, allowedKeys: null);
        if (parameters is null)
        {
            return;
        }

        if (parameters.Entries.Count == 0)
        {
            Diagnostics.Schema("'parameters' must declare at least one parameter", parameters.Node);
        }

        foreach (var entry in parameters.Entries)
        {
            _reader.CancellationToken.ThrowIfCancellationRequested();
            var parsed = ReadParameter(entry.Key, entry.Value, parameters.Describe(entry.Key.Text));
            _parameters.Add(parsed);
            _parametersByName[parsed.Parameter.Name] = parsed;
        }
    }

    private ParsedParameter ReadParameter(SpecScalar keyNode, SpecNode node, string path)
    {
        var name = keyNode.Text;
        if (name == "model")
        {
            Diagnostics.Inconsistent("'model' is implicit (it selects the contract) and cannot be declared as a parameter", keyNode);
        }
        else if (name.Length == 0)
        {
            Diagnostics.Schema("a parameter needs a non-empty wire name", keyNode);
        }
        else if (!ContractNaming.IsWireName(name))
        {
            Diagnostics.Schema("a parameter wire name cannot contain control characters", keyNode);
        }

        var view = _reader.Mapping(node, keyNode, path, ParameterKeys);
        if (view is null)
        {
            var broken = new Parameter(name, ContractNaming.ToPascalCase(name), ParameterType.String, false, false, null, null,
                EquatableArray<AllowedValue>.Empty, null, null, null, null, StringFormat.None, null, null, EquatableArray<ErrorRule>.Empty);
            return new ParsedParameter(broken, keyNode, typeKnown: false, view: null, new Dictionary<ViolationKind, SpecNode>());
        }

        var typeWord = _reader.Word(view, "type", required: true, TypeWords);
        var type = typeWord switch
        {
            "integer" => ParameterType.Integer,
            "number" => ParameterType.Number,
            "boolean" => ParameterType.Boolean,
            "array" => ParameterType.StringArray,
            _ => ParameterType.String,
        };
        var typeKnown = typeWord is not null;

        var format = ReadFormat(view, type, typeKnown);
        var required = _reader.Boolean(view, "required", required: false) ?? false;
        var nonEmpty = _reader.Boolean(view, "nonEmpty", required: false) ?? false;
        if (nonEmpty && typeKnown && type != ParameterType.String)
        {
            Diagnostics.Inconsistent($"'{view.Describe("nonEmpty")}' applies to string parameters only; '{name}' is {typeWord}", view.Value("nonEmpty")!);
            nonEmpty = false;
        }

        var values = ReadValues(view, type, typeKnown);
        var enumName = ReadEnumName(view, name, values);
        var (minimum, maximum) = ReadRange(view, type, typeKnown);
        var (minItems, maxItems) = ReadItemCounts(view, type, typeKnown);
        var unit = _reader.String(view, "unit", required: false);
        var doc = _reader.String(view, "doc", required: false);
        var propertyName = ReadPropertyName(view, name);

        var parameter = new Parameter(
            name,
            propertyName,
            type,
            required,
            nonEmpty,
            null,
            enumName,
            values,
            minimum,
            maximum,
            minItems,
            maxItems,
            format,
            unit,
            doc,
            EquatableArray<ErrorRule>.Empty);
        var errorNodes = new Dictionary<ViolationKind, SpecNode>();
        var errors = ReadParameterErrors(view, errorNodes);
        var defaultValue = ReadDefault(view, parameter, typeKnown);
        return new ParsedParameter(parameter with { Default = defaultValue, Errors = errors }, keyNode, typeKnown, view, errorNodes);
    }

    private StringFormat ReadFormat(SpecMappingView view, ParameterType type, bool typeKnown)
    {
        var format = StringFormat.None;
        if (view.Has("format"))
        {
            if (_reader.Word(view, "format", required: false, FormatWords) is not null)
            {
                format = StringFormat.PublicHttpUrl;
            }

            if (typeKnown && type != ParameterType.String)
            {
                var hint = type == ParameterType.StringArray ? "; for an array put it under 'items'" : string.Empty;
                Diagnostics.Inconsistent($"'{view.Describe("format")}' applies to string parameters only{hint}", view.Value("format")!);
                format = StringFormat.None;
            }
        }

        if (!view.Has("items"))
        {
            return format;
        }

        if (typeKnown && type != ParameterType.StringArray)
        {
            Diagnostics.Inconsistent($"'{view.Describe("items")}' applies to array parameters only", view.Key("items")!);
        }

        var items = _reader.ChildMapping(view, "items", required: false, ItemKeys);
        if (items is not null)
        {
            _reader.Word(items, "type", required: true, ItemTypeWords);
            if (_reader.Word(items, "format", required: false, FormatWords) is not null)
            {
                format = StringFormat.PublicHttpUrl;
            }
        }

        return format;
    }

    private EquatableArray<AllowedValue> ReadValues(SpecMappingView view, ParameterType type, bool typeKnown)
    {
        var sequence = _reader.ChildSequence(view, "values", required: false);
        if (sequence is null)
        {
            return EquatableArray<AllowedValue>.Empty;
        }

        if (typeKnown && type != ParameterType.String)
        {
            Diagnostics.Inconsistent($"'{view.Describe("values")}' applies to string parameters only", view.Key("values")!);
            return EquatableArray<AllowedValue>.Empty;
        }

        if (sequence.Items.Count == 0)
        {
            Diagnostics.Inconsistent($"'{view.Describe("values")}' must list at least one value", sequence);
        }

        var result = new List<AllowedValue>();
        var seenValues = new HashSet<string>(StringComparer.Ordinal);
        var seenNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = view.Describe("values");
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var itemPath = path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            string? value;
            string? memberName = null;
            string? doc = null;
            SpecNode valueNode = item;
            SpecNode? nameNode = null;
            if (item is SpecScalar scalar)
            {
                value = ScalarString(scalar, itemPath);
            }
            else
            {
                var entry = _reader.Mapping(item, item, itemPath, ValueKeys);
                if (entry is null)
                {
                    continue;
                }

                valueNode = entry.Value("value") ?? item;
                value = entry.Value("value") is SpecScalar valueScalar ? ScalarString(valueScalar, entry.Describe("value")) : _reader.String(entry, "value", required: true);
                memberName = _reader.String(entry, "name", required: false);

                // A null 'name:' is not stated, like any optional key that is null: the member name is derived.
                nameNode = entry.Value("name") is SpecScalar { Kind: ScalarKind.Null } ? null : entry.Value("name");
                doc = _reader.String(entry, "doc", required: false);
                if (memberName is not null && !ContractNaming.IsValidIdentifier(memberName))
                {
                    Diagnostics.Inconsistent($"'{entry.Describe("name")}' '{memberName}' is not a valid C# identifier", nameNode!);
                    memberName = null;
                }
            }

            if (value is null)
            {
                continue;
            }

            if (!seenValues.Add(value))
            {
                Diagnostics.Inconsistent($"value '{value}' is listed twice in '{path}'", valueNode);
                continue;
            }

            if (memberName is null && nameNode is null)
            {
                memberName = ContractNaming.ToMemberName(value);
                if (!ContractNaming.IsValidIdentifier(memberName))
                {
                    Diagnostics.Inconsistent($"cannot derive a C# member name from value '{value}'; add 'name:'", valueNode);
                    continue;
                }
            }

            if (memberName is null)
            {
                continue;
            }

            if (seenNames.TryGetValue(memberName, out var other))
            {
                Diagnostics.Inconsistent(
                    $"values '{other}' and '{value}' of '{path}' both get the C# member name '{memberName}'; give one a different 'name:'",
                    nameNode ?? valueNode);
                continue;
            }

            seenNames.Add(memberName, value);
            result.Add(new AllowedValue(value, memberName, doc));
        }

        return EquatableArray.From(result);
    }

    /// <summary>Wire values are strings: a plain <c>480</c> or <c>true</c> would silently change meaning between YAML and JSON, so it must be quoted.</summary>
    private string? ScalarString(SpecScalar scalar, string path)
    {
        if (scalar.Kind == ScalarKind.String)
        {
            return scalar.Text;
        }

        Diagnostics.Schema($"'{path}' must be a string, not {SpecReader.Quote(scalar)}; quote it", scalar);
        return null;
    }

    private string? ReadEnumName(SpecMappingView view, string name, EquatableArray<AllowedValue> values)
    {
        var explicitName = _reader.String(view, "enum", required: false);
        if (explicitName is not null)
        {
            if (!view.Has("values"))
            {
                Diagnostics.Inconsistent($"'{view.Describe("enum")}' needs 'values' to name", view.Value("enum")!);
                return null;
            }

            if (!ContractNaming.IsValidIdentifier(explicitName))
            {
                Diagnostics.Inconsistent($"'{view.Describe("enum")}' '{explicitName}' is not a valid C# identifier", view.Value("enum")!);
                return null;
            }

            return explicitName;
        }

        if (values.Count == 0)
        {
            return null;
        }

        var derived = ContractNaming.ToPascalCase(name);
        if (!ContractNaming.IsValidIdentifier(derived))
        {
            Diagnostics.Inconsistent($"cannot derive a C# enum name from '{name}'; add 'enum:'", view.Key("values")!);
            return null;
        }

        return derived;
    }

    private string ReadPropertyName(SpecMappingView view, string name)
    {
        var explicitName = _reader.String(view, "csharpName", required: false);
        if (explicitName is not null)
        {
            if (!ContractNaming.IsValidIdentifier(explicitName))
            {
                Diagnostics.Inconsistent($"'{view.Describe("csharpName")}' '{explicitName}' is not a valid C# identifier", view.Value("csharpName")!);
            }

            return explicitName;
        }

        var derived = ContractNaming.ToPascalCase(name);
        if (name.Length > 0 && name != "model" && !ContractNaming.IsValidIdentifier(derived))
        {
            Diagnostics.Inconsistent($"cannot derive a C# property name from '{name}'; add 'csharpName:'", view.Owner);
        }

        return derived;
    }

    private (decimal? Minimum, decimal? Maximum) ReadRange(SpecMappingView view, ParameterType type, bool typeKnown)
    {
        var minimum = _reader.Number(view, "minimum", required: false);
        var maximum = _reader.Number(view, "maximum", required: false);
        var numeric = type is ParameterType.Integer or ParameterType.Number;
        foreach (var key in new[] { "minimum", "maximum" })
        {
            var value = key == "minimum" ? minimum : maximum;
            if (value is null)
            {
                continue;
            }

            if (typeKnown && !numeric)
            {
                Diagnostics.Inconsistent($"'{view.Describe(key)}' applies to integer and number parameters only", view.Value(key)!);
                minimum = key == "minimum" ? null : minimum;
                maximum = key == "maximum" ? null : maximum;
            }
            else if (typeKnown && type == ParameterType.Integer && value != decimal.Truncate(value.Value))
            {
                Diagnostics.Inconsistent($"'{view.Describe(key)}' of an integer parameter must be an integer, not {SpecReader.Format(value.Value)}", view.Value(key)!);
            }
        }

        if (minimum > maximum)
        {
            Diagnostics.Inconsistent(
                $"'{view.Describe("minimum")}' ({SpecReader.Format(minimum!.Value)}) is greater than 'maximum' ({SpecReader.Format(maximum!.Value)})",
                view.Value("minimum")!);
        }

        return (minimum, maximum);
    }

    private (int? MinItems, int? MaxItems) ReadItemCounts(SpecMappingView view, ParameterType type, bool typeKnown)
    {
        var minItems = _reader.Integer(view, "minItems", required: false);
        var maxItems = _reader.Integer(view, "maxItems", required: false);
        foreach (var key in new[] { "minItems", "maxItems" })
        {
            var value = key == "minItems" ? minItems : maxItems;
            if (value is null)
            {
                continue;
            }

            if (typeKnown && type != ParameterType.StringArray)
            {
                Diagnostics.Inconsistent($"'{view.Describe(key)}' applies to array parameters only", view.Value(key)!);
                minItems = key == "minItems" ? null : minItems;
                maxItems = key == "maxItems" ? null : maxItems;
            }
            else if (value < 0)
            {
                Diagnostics.Inconsistent($"'{view.Describe(key)}' must not be negative", view.Value(key)!);
            }
        }

        if (minItems > maxItems)
        {
            Diagnostics.Inconsistent($"'{view.Describe("minItems")}' ({minItems}) is greater than 'maxItems' ({maxItems})", view.Value("minItems")!);
        }

        return (minItems, maxItems);
    }

    private ContractValue? ReadDefault(SpecMappingView view, Parameter parameter, bool typeKnown)
    {
        if (!view.TryGet("default", out _, out var node))
        {
            return null;
        }

        var path = view.Describe("default");
        if (node is not SpecScalar scalar)
        {
            Diagnostics.Schema($"'{path}' must be a scalar, not {node.Describe()}", node);
            return null;
        }

        if (scalar.Kind == ScalarKind.Null || !typeKnown)
        {
            return null;
        }

        ContractValue? value = null;
        switch (parameter.Type)
        {
            case ParameterType.String when scalar.Kind == ScalarKind.String:
                value = ContractValue.FromString(scalar.Text);
                break;
            case ParameterType.Boolean when scalar.Kind == ScalarKind.Boolean:
                value = ContractValue.FromBoolean(scalar.Boolean);
                break;
            case ParameterType.Number when scalar is { Kind: ScalarKind.Number, Number: { } number }:
                value = ContractValue.FromNumber(number);
                break;
            case ParameterType.Integer when scalar is { Kind: ScalarKind.Number, Number: { } integer } && integer == decimal.Truncate(integer):
                value = ContractValue.FromNumber(integer);
                break;
        }

        if (value is null)
        {
            var expected = parameter.Type == ParameterType.StringArray
                ? "nothing: array parameters cannot have a default"
                : (parameter.Type == ParameterType.Integer ? "an " : "a ") + ErrorTemplates.JsonTypeWord(parameter.Type);
            Diagnostics.Inconsistent($"'{path}' {SpecReader.Quote(scalar)} has the wrong type; expected {expected}", scalar);
            return null;
        }

        if (value.Kind == ContractValueKind.Number
            && ((parameter.Minimum is { } min && value.Number < min) || (parameter.Maximum is { } max && value.Number > max)))
        {
            Diagnostics.Inconsistent(
                $"'{path}' {SpecReader.Format(value.Number)} is outside [{Bound(parameter.Minimum)}, {Bound(parameter.Maximum)}]",
                scalar);
        }

        if (value.Kind == ContractValueKind.String && parameter.AllowedValues.Count > 0 && parameter.FindAllowedValue(value.String!) is null)
        {
            Diagnostics.Inconsistent(
                $"'{path}' '{value.String}' is not one of the allowed values ({ErrorTemplates.ValueOf(parameter, "allowed")})",
                scalar);
        }

        return value;
    }

    private static string Bound(decimal? value) => value is { } v ? SpecReader.Format(v) : "…";

    private EquatableArray<ErrorRule> ReadParameterErrors(SpecMappingView view, Dictionary<ViolationKind, SpecNode> errorNodes)
    {
        var errors = _reader.ChildMapping(view, "errors", required: false, allowedKeys: null);
        if (errors is null)
        {
            return EquatableArray<ErrorRule>.Empty;
        }

        var rules = new List<ErrorRule>();
        foreach (var entry in errors.Entries)
        {
            var key = entry.Key.Text;
            if (!ErrorTemplates.TryParseSpecKey(key, out var kind))
            {
                Diagnostics.Schema(
                    $"unknown key '{key}' in '{errors.Path}'; allowed keys: {string.Join(", ", ErrorTemplates.Kinds)}",
                    entry.Key);
                continue;
            }

            if (kind == ViolationKind.UnknownParameter)
            {
                Diagnostics.Inconsistent($"'{errors.Describe(key)}' cannot apply to a declared parameter; set it in the top-level 'errors'", entry.Key);
                continue;
            }

            int? code = null;
            string? message;
            string? doc = null;
            SpecNode messageNode = entry.Value;
            if (entry.Value is SpecScalar scalar)
            {
                message = scalar.Kind == ScalarKind.Null ? null : scalar.Text;
            }
            else
            {
                var rule = _reader.Mapping(entry.Value, entry.Key, errors.Describe(key), ParameterErrorKeys);
                if (rule is null)
                {
                    continue;
                }

                code = ReadCode(rule);
                message = _reader.String(rule, "message", required: false);
                doc = _reader.String(rule, "doc", required: false);
                messageNode = rule.Value("message") ?? entry.Key;
            }

            if (message is null && code is null)
            {
                Diagnostics.Schema($"'{errors.Describe(key)}' must give a message (and optionally a code)", entry.Value);
                continue;
            }

            errorNodes[kind] = messageNode;
            rules.Add(new ErrorRule(kind, code, message, doc));
        }

        return EquatableArray.From(rules);
    }
}
