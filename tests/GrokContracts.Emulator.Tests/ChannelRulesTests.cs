using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using GrokContracts.Spec;

namespace GrokContracts.Emulator.Tests;

/// <summary>What the emulator reads from a spec at run time: status words and the shape of the video, without HTTP.</summary>
public sealed class ChannelRulesTests
{
    private static readonly Contract Acme = Parse(Path.Combine(AppContext.BaseDirectory, "SharedSpecs", "acme-motion-2.yaml"));
    private static readonly Contract Official = Parse(Path.Combine(AppContext.BaseDirectory, "specs", "grok-imagine-video-1.5-official.yaml"));
    private static readonly Contract Beta = Parse(Path.Combine(AppContext.BaseDirectory, "specs", "grok-imagine-video-1.5-beta.yaml"));

    [Theory]
    [InlineData(0, "a")]
    [InlineData(19, "a")]
    [InlineData(20, "b")]
    [InlineData(39, "b")]
    [InlineData(40, "c")]
    [InlineData(59, "c")]
    [InlineData(60, "ok")]
    public void Several_pending_words_share_the_delay_in_spec_order(int seconds, string word)
    {
        var channel = new EmulatedChannel(Acme with { Statuses = Statuses(("a", TaskOutcome.Pending), ("ok", TaskOutcome.Succeeded), ("b", TaskOutcome.Pending), ("c", TaskOutcome.Pending)) });

        Assert.Equal(word, TaskAt(channel, TimeSpan.FromSeconds(60), seconds, willFail: false));
    }

    [Fact]
    public void Missing_words_fall_back_to_the_defaults_and_never_throw()
    {
        var none = new EmulatedChannel(Acme with { Statuses = EquatableArray<TaskStatusSpec>.Empty });
        var pendingOnly = new EmulatedChannel(Acme with { Statuses = Statuses(("waiting", TaskOutcome.Pending)) });
        var doneOnly = new EmulatedChannel(Acme with { Statuses = Statuses(("ready", TaskOutcome.Succeeded), ("ready2", TaskOutcome.Succeeded)) });

        Assert.Equal([EmulatorDefaults.PendingStatus, EmulatorDefaults.SucceededStatus, EmulatorDefaults.FailedStatus],
            new[] { TaskAt(none, TimeSpan.FromSeconds(10), 0, false), TaskAt(none, TimeSpan.FromSeconds(10), 10, false), TaskAt(none, TimeSpan.FromSeconds(10), 10, true) });
        Assert.Equal(["waiting", EmulatorDefaults.SucceededStatus, EmulatorDefaults.FailedStatus],
            new[] { TaskAt(pendingOnly, TimeSpan.FromSeconds(10), 0, false), TaskAt(pendingOnly, TimeSpan.FromSeconds(10), 10, false), TaskAt(pendingOnly, TimeSpan.FromSeconds(10), 10, true) });
        Assert.Equal([EmulatorDefaults.PendingStatus, "ready"], new[] { TaskAt(doneOnly, TimeSpan.FromSeconds(10), 9, false), TaskAt(doneOnly, TimeSpan.Zero, 0, false) });
    }

    [Theory]
    [InlineData("{}", 736, 400, 8, true)]
    [InlineData("{\"aspect_ratio\":\"9:16\",\"resolution\":\"720p\",\"duration\":5,\"audio\":false}", 720, 1280, 5, false)]
    [InlineData("{\"aspect_ratio\":\"1:1\",\"duration\":15}", 544, 544, 15, true)]
    public void The_official_channel_video_follows_the_pixel_size_table_duration_and_audio(string body, int width, int height, int seconds, bool audio)
    {
        Assert.Equal(new EmulatedVideo(width, height, TimeSpan.FromSeconds(seconds), audio), VideoFor(Official, body));
    }

    [Fact]
    public void Beta_auto_has_no_size_in_the_table_and_beta_has_no_audio_toggle()
    {
        Assert.Equal(new EmulatedVideo(EmulatorDefaults.VideoWidth, EmulatorDefaults.VideoHeight, TimeSpan.FromSeconds(1), false), VideoFor(Beta, "{\"aspect_ratio\":\"auto\",\"duration\":1}"));
        // Beta's duration has no default in the reference: its minimum, 1 s.
        Assert.Equal(new EmulatedVideo(1280, 720, TimeSpan.FromSeconds(1), false), VideoFor(Beta, "{\"aspect_ratio\":\"16:9\",\"resolution\":\"720p\"}"));
    }

    [Fact]
    public void Odd_sizes_and_extreme_lengths_are_normalised_not_thrown()
    {
        var sizes = Official with
        {
            Output = Official.Output! with
            {
                PixelSizes = Official.Output.PixelSizes! with { Entries = EquatableArray.From([new PixelSizeEntry("16:9", "480p", 853, 1), new PixelSizeEntry("1:1", "480p", 99999, 99999)]) },
            },
        };

        Assert.Equal(new EmulatedVideo(854, 2, TimeSpan.FromSeconds(8), true), VideoFor(sizes, "{}"));
        Assert.Equal(new EmulatedVideo(Mp4Video.MaxSide, Mp4Video.MaxSide, Mp4Video.MaxDuration, true), VideoFor(sizes, "{\"aspect_ratio\":\"1:1\",\"duration\":1e9}"));
        Assert.Equal(Mp4Video.MinDuration, VideoFor(sizes, "{\"duration\":-5}").Duration);
        Mp4Video.Create(VideoFor(sizes, "{\"aspect_ratio\":\"1:1\",\"duration\":1e9}"));
    }

    [Fact]
    public void The_length_comes_from_unit_seconds_else_from_pricing_per_else_the_default()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), VideoFor(Acme, "{}").Duration); // "seconds" (unit: seconds), default 4
        var noUnit = Acme with { Parameters = EquatableArray.From([.. Acme.Parameters.Select(p => p with { Unit = null })]) };
        Assert.Equal(TimeSpan.FromSeconds(9), VideoFor(noUnit, "{\"seconds\":9}").Duration); // pricing.per: seconds
        var neither = noUnit with { Pricing = null };
        Assert.Equal(EmulatorDefaults.VideoDuration, VideoFor(neither, "{\"seconds\":9}").Duration);
    }

    private static string TaskAt(EmulatedChannel channel, TimeSpan delay, int seconds, bool willFail)
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(1735000000);
        var video = new EmulatedVideo(2, 2, Mp4Video.MinDuration, false);
        return new EmulatedTask("task_1", channel, start, start + delay, willFail, "{}", video).StatusAt(start + TimeSpan.FromSeconds(seconds));
    }

    private static EmulatedVideo VideoFor(Contract contract, string body)
    {
        using var document = JsonDocument.Parse(body);
        return EmulatedVideo.For(contract, document.RootElement);
    }

    private static EquatableArray<TaskStatusSpec> Statuses(params (string Value, TaskOutcome Outcome)[] statuses) =>
        EquatableArray.From(Array.ConvertAll(statuses, s => new TaskStatusSpec(s.Value, s.Outcome)));

    private static Contract Parse(string path) => ContractParser.Parse(File.ReadAllText(path), path).Contract!;
}
