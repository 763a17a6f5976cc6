using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GrokContracts.Spec.Tests;

/// <summary>The parser and <c>spec/contract.schema.json</c> agree on the grammar of parameter wire names.</summary>
public class WireNameGrammarTests
{
    [Fact]
    public void The_schema_uses_the_parsers_pattern_for_parameter_names()
    {
        var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath())).RootElement;
        Assert.Equal(ContractNaming.WireNamePattern, schema.GetProperty("properties").GetProperty("parameters").GetProperty("propertyNames").GetProperty("pattern").GetString());
        Assert.Equal(ContractNaming.WireNamePattern, schema.GetProperty("definitions").GetProperty("parameterName").GetProperty("pattern").GetString());
    }

    [Theory]
    [InlineData("duration")]
    [InlineData("image_urls")]
    [InlineData("_x1")]
    [InlineData("Seed")]
    [InlineData("aspect-ratio")]
    [InlineData("1st")]
    [InlineData("a.b")]
    [InlineData("with space")]
    [InlineData("dürée")]
    [InlineData("tab\there")]
    [InlineData("nel\u0085")]
    public void IsWireName_agrees_with_the_pattern_and_the_parser(string name)
    {
        var matches = Regex.IsMatch(name, ContractNaming.WireNamePattern);
        Assert.Equal(matches, ContractNaming.IsWireName(name));

        var quoted = "\"" + name.Replace("\t", "\\t", System.StringComparison.Ordinal).Replace("\u0085", "\\N", System.StringComparison.Ordinal) + "\"";
        var spec = SpecFiles.Beta.Replace("  nsfw_checker:\n", "  " + quoted + ":\n", System.StringComparison.Ordinal);
        Assert.NotEqual(SpecFiles.Beta, spec);
        var result = ContractParser.Parse(spec, "beta.yaml");
        Assert.Equal(!matches, result.Diagnostics.Any(d => d.Id == "GRK101" && d.Message.Contains("control characters", System.StringComparison.Ordinal)));
    }

    private static string SchemaPath()
    {
        for (var directory = new DirectoryInfo(System.AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "spec", "contract.schema.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("spec/contract.schema.json not found above " + System.AppContext.BaseDirectory);
    }
}
