using System;

namespace GrokContracts.Spec;

/// <summary>Facts about a channel's output.</summary>
/// <param name="VideoUrlsValidFor">How long output URLs stay valid, or null when not stated.</param>
/// <param name="PixelSizes">Output pixel size matrix, or null when not stated.</param>
/// <param name="Audio">Whether the output carries an audio track, or null when not stated.</param>
/// <param name="Doc">Documentation text, or null.</param>
public sealed record OutputSpec(TimeSpan? VideoUrlsValidFor, PixelSizeMatrix? PixelSizes, OutputAudio? Audio, string? Doc);

/// <summary>
/// Whether a channel's videos carry an audio track (spec key <c>output.audio</c>): switched by a boolean parameter, or
/// fixed for every video.
/// </summary>
/// <param name="Parameter">
/// Wire name of the boolean parameter that switches the track: on unless the request, or the parameter's default, says
/// <c>false</c>. Null when the track is fixed.
/// </param>
/// <param name="Always">With no <paramref name="Parameter"/>: whether every video has the track.</param>
public sealed record OutputAudio(string? Parameter, bool Always)
{
    /// <summary>
    /// Whether a request's video has the track, given the request's value of <see cref="Parameter"/> (null when the
    /// request leaves it out) and the parameter's default (null when it has none).
    /// </summary>
    /// <param name="requested">The request's boolean value of <see cref="Parameter"/>, or null when absent.</param>
    /// <param name="defaultValue">The parameter's default, or null when it has none.</param>
    public bool HasTrack(bool? requested, bool? defaultValue) => Parameter is null ? Always : requested ?? defaultValue ?? true;
}

/// <summary>Output pixel size by two string parameters (e.g. aspect ratio × resolution).</summary>
/// <param name="RowParameter">Wire name of the row parameter, e.g. <c>aspect_ratio</c>.</param>
/// <param name="ColumnParameter">Wire name of the column parameter, e.g. <c>resolution</c>.</param>
/// <param name="Entries">One entry per known combination.</param>
public sealed record PixelSizeMatrix(string RowParameter, string ColumnParameter, EquatableArray<PixelSizeEntry> Entries);

/// <summary>The output size for one combination of row and column values.</summary>
/// <param name="Row">Row parameter value.</param>
/// <param name="Column">Column parameter value.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record PixelSizeEntry(string Row, string Column, int Width, int Height);

/// <summary>How a channel bills: <c>credits = ceil(perSecondUsd × Π multipliers × per / creditUsd)</c>.</summary>
/// <param name="PerSecondUsd">Per-unit USD rate when the spec fixes one; null when it is configuration (the usual case).</param>
/// <param name="PerParameter">Wire name of the integer parameter the rate is per (e.g. <c>duration</c>).</param>
/// <param name="Multipliers">Rate multipliers by parameter value (e.g. 720p → 2).</param>
/// <param name="CreditUsd">USD value of one credit (0.001).</param>
/// <param name="RefundsFailed">Whether failed jobs are refunded automatically.</param>
/// <param name="Doc">Documentation text, or null.</param>
public sealed record PricingSpec(
    decimal? PerSecondUsd,
    string PerParameter,
    EquatableArray<PriceMultiplier> Multipliers,
    decimal CreditUsd,
    bool RefundsFailed,
    string? Doc);

/// <summary>A rate multiplier applied when a parameter has a value.</summary>
/// <param name="Parameter">Wire name of the parameter.</param>
/// <param name="Value">Wire value.</param>
/// <param name="Multiplier">Factor applied to the per-second rate.</param>
public sealed record PriceMultiplier(string Parameter, string Value, decimal Multiplier);

/// <summary>What a task status means to a client.</summary>
public enum TaskOutcome
{
    /// <summary>Still running: keep polling.</summary>
    Pending,

    /// <summary>Done with output.</summary>
    Succeeded,

    /// <summary>Done with an error (refunded).</summary>
    Failed,
}

/// <summary>One status value of the task envelope.</summary>
/// <param name="Value">Wire value, e.g. <c>processing</c>.</param>
/// <param name="Outcome">Its meaning.</param>
public sealed record TaskStatusSpec(string Value, TaskOutcome Outcome);

/// <summary>The recommended polling schedule.</summary>
/// <param name="Phases">Phases in time order; the last one has no end.</param>
/// <param name="Timeout">Wall-clock cap of a task.</param>
/// <param name="Doc">Documentation text, or null.</param>
public sealed record PollingSpec(EquatableArray<PollingPhase> Phases, TimeSpan Timeout, string? Doc);

/// <summary>One phase of a polling schedule.</summary>
/// <param name="Until">Elapsed time since submit at which the phase ends, or null for the last phase.</param>
/// <param name="Every">Interval between polls (the target interval at the end of a gradual phase).</param>
/// <param name="Gradual">Whether the interval grows gradually from the previous phase's interval to <paramref name="Every"/>.</param>
public sealed record PollingPhase(TimeSpan? Until, TimeSpan Every, bool Gradual);
