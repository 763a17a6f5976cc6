using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using GrokContracts.Spec;

namespace GrokContracts.Cli.Submit;

/// <summary>
/// The request body <c>submit</c> sends, from <c>--set name=value</c> pairs and the parameter flags derived from the
/// chosen contract. Every parameter of a spec has a flag: <c>--</c> + its wire name with <c>_</c> as <c>-</c>
/// (<c>aspect_ratio</c> → <c>--aspect-ratio</c>); a boolean also takes <c>--no-…</c> for false and a bare flag for
/// true; a string array whose name ends in <c>_urls</c> also takes the singular (<c>image_urls</c> → <c>--image</c>).
/// Values are typed by the spec (integer, number, boolean, string; one array item per occurrence); a value that does
/// not read as its type is sent as a string, so the rule engine reports the API's <c>type</c> code for it.
/// </summary>
internal sealed class ParameterValues
{
    private readonly Contract _contract;
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public ParameterValues(Contract contract)
    {
        _contract = contract;
    }

    /// <summary>Adds one <c>--set name=value</c>.</summary>
    public void Set(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new CliUsageException($"--set: '{assignment}' is not name=value");
        }

        Set(assignment[..equals], assignment[(equals + 1)..], "--set " + assignment[..equals]);
    }

    /// <summary>Adds one value of the parameter <paramref name="name"/>; <paramref name="source"/> names where it came from in errors.</summary>
    public void Set(string name, string value, string source)
    {
        var parameter = _contract.FindParameter(name) ?? throw Unknown(source, name);
        Add(parameter, value, source);
    }

    /// <summary>Reads the flags System.CommandLine left unmatched: each must be a parameter flag of the contract.</summary>
    public void ReadFlags(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                throw new CliUsageException($"unexpected argument '{token}'");
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var flag = equals < 0 ? token : token[..equals];
            var inline = equals < 0 ? null : token[(equals + 1)..];
            var (parameter, negated) = FindFlag(flag[2..]) ?? throw UnknownFlag(flag);
            if (negated)
            {
                Add(parameter, inline is null ? "false" : throw new CliUsageException($"{flag} takes no value"), flag);
                continue;
            }

            if (parameter.Type == ParameterType.Boolean && inline is null && !NextIsValue(tokens, i))
            {
                Add(parameter, "true", flag);
                continue;
            }

            if (inline is not null)
            {
                Add(parameter, inline, flag);
                continue;
            }

            var taken = 0;
            while (i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal) && (taken == 0 || parameter.Type == ParameterType.StringArray))
            {
                Add(parameter, tokens[++i], flag);
                taken++;
            }

            if (taken == 0)
            {
                throw new CliUsageException($"{flag} needs a value");
            }
        }
    }

    /// <summary>The body as UTF-8 JSON: <c>model</c> first, then the parameters in spec order.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", _contract.ModelId);
            foreach (var parameter in _contract.Parameters)
            {
                if (!_values.TryGetValue(parameter.Name, out var given))
                {
                    continue;
                }

                writer.WritePropertyName(parameter.Name);
                if (parameter.Type == ParameterType.StringArray)
                {
                    writer.WriteStartArray();
                    foreach (var item in given)
                    {
                        writer.WriteStringValue(item);
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    WriteTyped(writer, parameter.Type, given[0]);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteTyped(Utf8JsonWriter writer, ParameterType type, string text)
    {
        switch (type)
        {
            case ParameterType.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                writer.WriteNumberValue(integer);
                break;
            case ParameterType.Number when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                writer.WriteNumberValue(number);
                break;
            case ParameterType.Boolean when bool.TryParse(text, out var flag):
                writer.WriteBooleanValue(flag);
                break;
            default:
                writer.WriteStringValue(text);
                break;
        }
    }

    private static bool NextIsValue(IReadOnlyList<string> tokens, int i) =>
        i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal);

    private static string Flag(string wireName) => wireName.Replace('_', '-');

    private (Parameter Parameter, bool Negated)? FindFlag(string name)
    {
        foreach (var parameter in _contract.Parameters)
        {
            var flag = Flag(parameter.Name);
            if (name == flag)
            {
                return (parameter, false);
            }

            if (parameter.Type == ParameterType.Boolean && name == "no-" + flag)
            {
                return (parameter, true);
            }

            if (parameter.Type == ParameterType.StringArray && parameter.Name.EndsWith("_urls", StringComparison.Ordinal) && name == flag[..^"-urls".Length])
            {
                return (parameter, false);
            }
        }

        return null;
    }

    private void Add(Parameter parameter, string value, string source)
    {
        if (!_values.TryGetValue(parameter.Name, out var list))
        {
            _values[parameter.Name] = list = [];
        }
        else if (parameter.Type != ParameterType.StringArray)
        {
            throw new CliUsageException($"{source}: {parameter.Name} is given twice (only arrays take several values)");
        }

        list.Add(value);
    }

    private CliUsageException UnknownFlag(string flag)
    {
        var name = flag[2..].Replace('-', '_');
        if (name.StartsWith("no_", StringComparison.Ordinal) && _contract.FindParameter(name[3..]) is { } notBoolean)
        {
            return new CliUsageException($"{flag}: {_contract.ModelId} has no parameter '{notBoolean.Name}' as a boolean (it is {notBoolean.Type.ToString().ToLowerInvariant()})");
        }

        return Unknown(flag, name.StartsWith("no_", StringComparison.Ordinal) ? name[3..] : name);
    }

    private CliUsageException Unknown(string source, string name)
    {
        if (name == "model")
        {
            return new CliUsageException($"{source}: the model is chosen with --model");
        }

        var names = _contract.Parameters.Select(p => p.Name).ToList();
        var closest = DidYouMean.Closest(name, names);
        var hint = closest is null ? string.Empty : $"did you mean '{closest}'? ";
        return new CliUsageException($"{source}: {_contract.ModelId} has no parameter '{name}' ({hint}its parameters: {string.Join(", ", names)})");
    }
}
