using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace GrokContracts.Spec.Tests;

/// <summary>
/// Keeps <c>spec/contract.schema.json</c> in line with the shipped specs and the contract model.
/// Structural checks only: no network, no JSON Schema validator.
/// </summary>
public sealed class SchemaConsistencyTests
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string SchemaPath = Path.Combine(RepoRoot, "spec", "contract.schema.json");

    public static TheoryData<string> ShippedSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot, "spec"))
                     .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)
                                 || (f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".schema.json", StringComparison.Ordinal)))
                     .OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Schema_is_draft_07_json()
    {
        using var schema = LoadSchema();
        var root = schema.RootElement;

        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal("http://json-schema.org/draft-07/schema#", root.GetProperty("$schema").GetString());
        Assert.Equal("object", root.GetProperty("type").GetString());
    }

    [Fact]
    public void Every_object_schema_is_closed()
    {
        using var schema = LoadSchema();
        var problems = new List<string>();

        foreach (var (path, node) in SchemaNodes(schema.RootElement, "#"))
        {
            if (!IsObjectSchema(node))
            {
                continue;
            }

            if (!node.TryGetProperty("additionalProperties", out var additional))
            {
                problems.Add(path + ": no additionalProperties");
            }
            else if (node.TryGetProperty("properties", out _))
            {
                if (additional.ValueKind != JsonValueKind.False)
                {
                    problems.Add(path + ": has properties but additionalProperties is not false");
                }
            }
            else if (additional.ValueKind != JsonValueKind.Object || !node.TryGetProperty("propertyNames", out _))
            {
                // A map (parameters, sizes, statuses...): its values have a schema and its keys are constrained.
                problems.Add(path + ": a map needs an additionalProperties schema and propertyNames");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_property_has_a_description()
    {
        using var schema = LoadSchema();
        var root = schema.RootElement;
        var problems = new List<string>();

        foreach (var (path, node) in SchemaNodes(root, "#"))
        {
            if (!node.TryGetProperty("properties", out var properties) || !IsObjectSchema(node))
            {
                continue;
            }

            foreach (var property in properties.EnumerateObject())
            {
                if (!Resolve(root, property.Value).TryGetProperty("description", out _)
                    && !property.Value.TryGetProperty("description", out _))
                {
                    problems.Add(path + "/properties/" + property.Name);
                }
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(ShippedSpecs))]
    public void Every_key_of_a_shipped_spec_is_in_the_schema(string fileName)
    {
        using var schema = LoadSchema();
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepoRoot, "spec", fileName)))
        {
            yaml.Load(reader);
        }

        var problems = new List<string>();
        Walk(schema.RootElement, schema.RootElement, yaml.Documents[0].RootNode, "$", problems);

        Assert.Empty(problems);
    }

    [Fact]
    public void Parameter_types_match_the_model()
    {
        using var schema = LoadSchema();
        var types = EnumValues(schema.RootElement, "definitions", "parameter", "properties", "type");

        // ParameterType.StringArray is spelled "array" (with items.type: string) in a spec.
        var expected = Enum.GetNames<ParameterType>()
            .Select(n => n == nameof(ParameterType.StringArray) ? "array" : n.ToLowerInvariant());
        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), types.OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void Task_outcomes_match_the_model()
    {
        using var schema = LoadSchema();
        var outcomes = EnumValues(schema.RootElement, "properties", "task", "properties", "statuses", "additionalProperties");

        var expected = Enum.GetNames<TaskOutcome>().Select(n => n.ToLowerInvariant());
        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), outcomes.OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void Validation_checks_match_the_model()
    {
        using var schema = LoadSchema();
        var pattern = Navigate(schema.RootElement, "properties", "validation", "properties", "order", "items", "pattern").GetString()!;

        foreach (var check in Enum.GetNames<ValidationCheck>())
        {
            Assert.Contains(check.ToLowerInvariant(), pattern, StringComparison.Ordinal);
        }

        Assert.Equal(Enum.GetNames<ValidationCheck>().Length, pattern.Count(c => c == '|') + 1);
    }

    [Fact]
    public void Error_kinds_match_the_model()
    {
        using var schema = LoadSchema();
        var root = schema.RootElement;
        var contractKinds = Navigate(root, "properties", "errors", "properties").EnumerateObject().Select(p => p.Name).ToArray();
        var parameterKinds = Navigate(root, "definitions", "parameter", "properties", "errors", "properties").EnumerateObject().Select(p => p.Name).ToArray();

        // One spec key per ViolationKind; a parameter cannot override "unknown" (it is about undeclared parameters).
        Assert.Equal(Enum.GetNames<ViolationKind>().Length, contractKinds.Length);
        Assert.Equal(contractKinds.Where(k => k != "unknown"), parameterKinds);
    }

    private static void Walk(JsonElement root, JsonElement schema, YamlNode node, string path, List<string> problems)
    {
        schema = Resolve(root, schema);

        if (schema.TryGetProperty("oneOf", out var branches))
        {
            // The branches used here differ by node kind: scalar (string template / plain value) or mapping.
            foreach (var branch in branches.EnumerateArray())
            {
                var resolved = Resolve(root, branch);
                var isObject = IsObjectSchema(resolved);
                if (isObject == node is YamlMappingNode)
                {
                    Walk(root, resolved, node, path, problems);
                    return;
                }
            }

            problems.Add(path + ": no oneOf branch for a " + node.NodeType);
            return;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                if (!IsObjectSchema(schema))
                {
                    problems.Add(path + ": the schema does not expect a mapping here");
                    return;
                }

                foreach (var entry in mapping.Children)
                {
                    var key = ((YamlScalarNode)entry.Key).Value!;
                    var childPath = path + "." + key;
                    if (schema.TryGetProperty("properties", out var properties))
                    {
                        if (properties.TryGetProperty(key, out var propertySchema))
                        {
                            Walk(root, propertySchema, entry.Value, childPath, problems);
                        }
                        else
                        {
                            problems.Add(childPath + ": key not in the schema");
                        }
                    }
                    else if (schema.TryGetProperty("additionalProperties", out var valueSchema) && valueSchema.ValueKind == JsonValueKind.Object)
                    {
                        Walk(root, valueSchema, entry.Value, childPath, problems);
                    }
                    else
                    {
                        problems.Add(childPath + ": the schema allows no keys here");
                    }
                }

                break;

            case YamlSequenceNode sequence:
                if (!schema.TryGetProperty("items", out var itemSchema))
                {
                    problems.Add(path + ": the schema does not expect a sequence here");
                    return;
                }

                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Walk(root, itemSchema, sequence.Children[i], path + "[" + i + "]", problems);
                }

                break;

            default:
                if (IsObjectSchema(schema) || HasType(schema, "array"))
                {
                    var scalar = (YamlScalarNode)node;
                    if (!(HasType(schema, "null") && scalar.Value is "null" or "~" or ""))
                    {
                        problems.Add(path + ": the schema expects a mapping or sequence, not a scalar");
                    }
                }

                break;
        }
    }

    /// <summary>Every subschema reachable from <paramref name="node"/>, with a JSON-pointer-like path.</summary>
    private static IEnumerable<(string Path, JsonElement Node)> SchemaNodes(JsonElement node, string path)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        yield return (path, node);

        foreach (var keyword in new[] { "properties", "definitions" })
        {
            if (node.TryGetProperty(keyword, out var map))
            {
                foreach (var child in map.EnumerateObject())
                {
                    foreach (var item in SchemaNodes(child.Value, path + "/" + keyword + "/" + child.Name))
                    {
                        yield return item;
                    }
                }
            }
        }

        foreach (var keyword in new[] { "additionalProperties", "items", "propertyNames", "if", "then", "else", "not" })
        {
            if (node.TryGetProperty(keyword, out var child))
            {
                foreach (var item in SchemaNodes(child, path + "/" + keyword))
                {
                    yield return item;
                }
            }
        }

        foreach (var keyword in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (node.TryGetProperty(keyword, out var list))
            {
                var i = 0;
                foreach (var child in list.EnumerateArray())
                {
                    foreach (var item in SchemaNodes(child, path + "/" + keyword + "/" + i++))
                    {
                        yield return item;
                    }
                }
            }
        }
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        for (var depth = 0; depth < 16 && schema.TryGetProperty("$ref", out var reference); depth++)
        {
            var pointer = reference.GetString()!;
            Assert.StartsWith("#/", pointer, StringComparison.Ordinal);
            schema = Navigate(root, pointer.Substring(2).Split('/'));
        }

        return schema;
    }

    private static JsonElement Navigate(JsonElement element, params string[] path)
    {
        foreach (var segment in path)
        {
            element = element.GetProperty(segment);
        }

        return element;
    }

    private static string[] EnumValues(JsonElement root, params string[] path) =>
        Navigate(root, path).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static bool IsObjectSchema(JsonElement schema) => HasType(schema, "object");

    private static bool HasType(JsonElement schema, string type)
    {
        if (!schema.TryGetProperty("type", out var value))
        {
            return false;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString() == type
            : value.EnumerateArray().Any(t => t.GetString() == type);
    }

    private static JsonDocument LoadSchema() => JsonDocument.Parse(File.ReadAllBytes(SchemaPath));

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GrokContracts.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("GrokContracts.sln not found above " + AppContext.BaseDirectory);
    }
}
