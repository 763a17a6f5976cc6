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

/// <summary><c>output.audio</c>: fixed for every video, or switched by a boolean parameter; anything else is reported at the value.</summary>
public sealed class OutputAudioTests
{
    private const string Head =
        "model: run-1\nsummary: Run.\nendpoints:\n  baseUrl: https://run.test\n  submit: { method: POST, path: /jobs }\n  poll: { method: GET, path: \"/jobs/{id}\" }\nparameters:\n  text: { type: string }\n  sound: { type: boolean, default: false }\noutput:\n  audio: ";

    [Theory]
    [InlineData("true", null, true)]
    [InlineData("false", null, false)]
    [InlineData("sound", "sound", false)]
    [InlineData("\"sound\"", "sound", false)]
    public void Audio_is_fixed_or_names_a_boolean_parameter(string value, string? parameter, bool always)
    {
        var result = ContractParser.Parse(Head + value + "\n", "run.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new OutputAudio(parameter, always), result.Contract!.Output!.Audio);
    }

    [Fact]
    public void Without_the_key_audio_is_not_stated()
    {
        var result = ContractParser.Parse(Head.Replace("  audio: ", "  videoUrlsValidFor: P1D\n", System.StringComparison.Ordinal), "run.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Null(result.Contract!.Output!.Audio);
    }

    [Theory]
    [InlineData("3", "GRK101", "must be true, false or the name of a boolean parameter, not a number")]
    [InlineData("[sound]", "GRK101", "must be true, false or the name of a boolean parameter, not a sequence")]
    [InlineData("null", "GRK101", "not null")]
    [InlineData("sonud", "GRK102", "names unknown parameter 'sonud'")]
    [InlineData("text", "GRK102", "must name a boolean parameter; 'text' is not")]
    [InlineData("\"true\"", "GRK102", "names unknown parameter 'true'")]
    public void Anything_else_is_reported_at_the_value(string value, string id, string message)
    {
        var result = ContractParser.Parse(Head + value + "\n", "run.yaml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.Message, System.StringComparison.Ordinal);
        Assert.Equal((11, 10), (diagnostic.Start.Line, diagnostic.Start.Column));
        Assert.Null(result.Contract?.Output?.Audio);
    }

    [Theory]
    [InlineData(null, null, true)] // no value, no default: the track is the channel's
    [InlineData(null, false, false)]
    [InlineData(null, true, true)]
    [InlineData(false, true, false)]
    [InlineData(true, false, true)]
    public void A_switch_follows_the_request_then_the_default(bool? requested, bool? defaultValue, bool expected)
        => Assert.Equal(expected, new OutputAudio("sound", Always: false).HasTrack(requested, defaultValue));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_fixed_track_ignores_the_request(bool always)
    {
        var audio = new OutputAudio(null, always);

        Assert.Equal(always, audio.HasTrack(requested: !always, defaultValue: !always));
        Assert.Equal(always, audio.HasTrack(requested: null, defaultValue: null));
    }
}
