using System.Linq;

namespace GrokContracts.Spec.Tests;

/// <summary>The catalog's winning entries: found by model id and by input index, broken winners included.</summary>
public class CatalogWinnerTests
{
    private const string OfficialId = "grok-imagine-video-1.5-official";

    [Fact]
    public void A_project_spec_wins_over_the_shipped_one_and_is_found_by_its_index()
    {
        var shipped = ContractParser.Parse(SpecFiles.Official, "shipped/official.yaml");
        var project = ContractParser.Parse(SpecFiles.Official, "project/official.yaml");
        var catalog = new ContractCatalog(new[] { (shipped, true), (ContractParser.Parse(SpecFiles.Beta, "shipped/beta.yaml"), true), (project, false) });

        Assert.True(catalog.TryGetWinner(OfficialId, out var winner));
        Assert.Equal(2, winner.Index);
        Assert.Equal("project/official.yaml", winner.FilePath);
        Assert.False(winner.Shipped);
        Assert.Equal([OfficialId, "grok-imagine-video-1.5-beta"], catalog.Winners.Select(w => w.ModelId));
    }

    [Fact]
    public void A_broken_project_override_wins_with_no_contract_and_no_suggestion()
    {
        var broken = ContractParser.Parse(SpecFiles.Official.Replace("type: integer", "type: int"), "project/official.yaml");
        var catalog = new ContractCatalog(new[] { (ContractParser.Parse(SpecFiles.Official, "shipped/official.yaml"), true), (broken, false) });

        Assert.True(catalog.TryGetWinner(OfficialId, out var winner));
        Assert.Null(winner.Contract);
        Assert.Equal(1, winner.Index);
        Assert.False(catalog.TryGet(OfficialId, out _));
        Assert.Empty(catalog.Contracts);
        Assert.Null(catalog.FindClosestModelId(OfficialId));
    }

    [Fact]
    public void An_unclaimed_id_has_no_winner()
    {
        var catalog = new ContractCatalog(new[] { (ContractParser.Parse(SpecFiles.Beta, "b.yaml"), true) });
        Assert.False(catalog.TryGetWinner("dall-e-3", out _));
    }
}
