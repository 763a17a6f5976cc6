using System.Linq;

namespace GrokContracts.Spec.Tests;

/// <summary>GRK103 and model lookup across spec files.</summary>
public class CatalogTests
{
    private static SpecParseResult Parse(string text, string path) => ContractParser.Parse(text, path);

    private static SpecParseResult Official(string path = "shipped/official.yaml") => Parse(SpecFiles.Official, path);

    private static SpecParseResult Beta(string path = "shipped/beta.yaml") => Parse(SpecFiles.Beta, path);

    [Fact]
    public void Shipped_specs_are_found_by_model_id()
    {
        var catalog = new ContractCatalog(new[] { (Official(), true), (Beta(), true) });
        Assert.Empty(catalog.Diagnostics);
        Assert.Equal(2, catalog.Contracts.Count);
        Assert.True(catalog.TryGet("grok-imagine-video-1.5-beta", out var beta));
        Assert.False(beta!.FindParameter("prompt")!.Required);
        Assert.False(catalog.TryGet("grok-imagine-video-1.5", out _));
    }

    [Fact]
    public void Project_spec_replaces_a_shipped_spec_silently()
    {
        var custom = Parse(SpecFiles.Official.Replace("maximum: 15", "maximum: 12"), "project/official.yaml");
        foreach (var entries in new[] { new[] { (Official(), true), (custom, false) }, new[] { (custom, false), (Official(), true) } })
        {
            var catalog = new ContractCatalog(entries);
            Assert.Empty(catalog.Diagnostics);
            Assert.True(catalog.TryGet("grok-imagine-video-1.5-official", out var contract));
            Assert.Equal(12m, contract!.FindParameter("duration")!.Maximum);
            Assert.Single(catalog.Contracts);
        }
    }

    [Fact]
    public void Two_project_specs_with_the_same_model_is_GRK103_on_the_second_model_value()
    {
        var second = Parse("# copy\n" + SpecFiles.Official, "project/copy.yaml");
        var catalog = new ContractCatalog(new[] { (Official("project/a.yaml"), false), (second, false) });
        var diagnostic = Assert.Single(catalog.Diagnostics);
        Assert.Equal("GRK103", diagnostic.Id);
        Assert.Equal("project/copy.yaml", diagnostic.FilePath);
        Assert.Equal(new SpecPosition(6, 8), diagnostic.Start);
        Assert.Equal(new SpecPosition(6, 39), diagnostic.End);
        Assert.Contains("project/a.yaml", diagnostic.Message, System.StringComparison.Ordinal);
        Assert.True(catalog.TryGet("grok-imagine-video-1.5-official", out _)); // the first one wins
    }

    [Fact]
    public void Two_shipped_specs_with_the_same_model_is_GRK103()
    {
        var catalog = new ContractCatalog(new[] { (Beta("a.yaml"), true), (Beta("b.yaml"), true) });
        Assert.Equal("GRK103", Assert.Single(catalog.Diagnostics).Id);
        Assert.Equal("b.yaml", catalog.Diagnostics[0].FilePath);
    }

    [Fact]
    public void Json_project_spec_duplicate_points_at_the_json_value()
    {
        var json = "{\"model\": \"grok-imagine-video-1.5-beta\"}";
        var catalog = new ContractCatalog(new[] { (Beta(), false), (Parse(json, "b.json"), false) });
        var duplicate = catalog.Diagnostics.Single(d => d.Id == "GRK103");
        Assert.Equal(new SpecPosition(1, 11), duplicate.Start);
    }

    [Fact]
    public void Broken_project_spec_still_claims_its_model_id()
    {
        var broken = Parse(SpecFiles.Official.Replace("type: integer", "type: int"), "project/official.yaml");
        Assert.Null(broken.Contract);
        Assert.Equal("grok-imagine-video-1.5-official", broken.ModelId);
        var catalog = new ContractCatalog(new[] { (Official(), true), (broken, false) });
        Assert.False(catalog.TryGet("grok-imagine-video-1.5-official", out _));
        Assert.Equal("GRK101", Assert.Single(catalog.Diagnostics).Id);
    }

    [Theory]
    [InlineData("grok-imagine-video-1.5-oficial", "grok-imagine-video-1.5-official")]
    [InlineData("Grok-Imagine-Video-1.5-Beta", "grok-imagine-video-1.5-beta")]
    [InlineData("grok-imagine-video-15-beta", "grok-imagine-video-1.5-beta")]
    [InlineData("dall-e-3", null)]
    [InlineData("grok-imagine-video-1.5-official", null)]
    [InlineData("", null)]
    public void Closest_model_id_for_did_you_mean(string typo, string? expected)
    {
        var catalog = new ContractCatalog(new[] { (Official(), true), (Beta(), true) });
        Assert.Equal(expected, catalog.FindClosestModelId(typo));
    }

    [Fact]
    public void Catalogs_of_equal_inputs_are_equal()
    {
        var a = new ContractCatalog(new[] { (Official(), true), (Beta(), true) });
        var b = new ContractCatalog(new[] { (Official(), true), (Beta(), true) });
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new ContractCatalog(new[] { (Official(), true) }));
    }
}
