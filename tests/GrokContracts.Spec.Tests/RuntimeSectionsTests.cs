using System.Linq;

namespace GrokContracts.Spec.Tests;

/// <summary>The spec sections the run time follows (task statuses, polling): defaults and consistency.</summary>
public sealed class RuntimeSectionsTests
{
    private const string Head =
        "model: run-1\nsummary: Run.\nendpoints:\n  baseUrl: https://run.test\n  submit: { method: POST, path: /jobs }\n  poll: { method: GET, path: \"/jobs/{id}\" }\nparameters:\n  text: { type: string }\n";

    [Fact]
    public void Without_a_task_section_each_outcome_is_its_own_word()
    {
        var result = ContractParser.Parse(Head, "run.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            [("pending", TaskOutcome.Pending), ("succeeded", TaskOutcome.Succeeded), ("failed", TaskOutcome.Failed)],
            result.Contract!.Statuses.Select(s => (s.Value, s.Outcome)));
    }

    [Fact]
    public void Statuses_keep_spec_order_and_several_pending_words()
    {
        var result = ContractParser.Parse(Head + "task:\n  statuses:\n    queued: pending\n    running: pending\n    done: succeeded\n    error: failed\n", "run.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["queued", "running", "done", "error"], result.Contract!.Statuses.Select(s => s.Value));
    }

    [Fact]
    public void Statuses_without_a_succeeded_word_are_GRK102_at_the_mapping()
    {
        var result = ContractParser.Parse(Head + "task:\n  statuses:\n    queued: pending\n    error: failed\n", "run.yaml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("GRK102", diagnostic.Id);
        Assert.Contains("succeeded", diagnostic.Message, System.StringComparison.Ordinal);
        Assert.Equal(11, diagnostic.Start.Line);
    }

    [Fact]
    public void A_gradual_last_phase_is_GRK102_at_its_backoff()
    {
        var result = ContractParser.Parse(Head + "polling:\n  phases:\n    - { until: PT1M, every: PT5S }\n    - { every: PT1M, backoff: gradual }\n  timeout: PT1H\n", "run.yaml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("GRK102", diagnostic.Id);
        Assert.Contains("gradual needs an 'until'", diagnostic.Message, System.StringComparison.Ordinal);
        Assert.Equal(12, diagnostic.Start.Line);
    }
}
