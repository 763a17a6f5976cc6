using System;
using System.Globalization;
using System.Text.Json;
using GrokContracts.Spec;

namespace GrokContracts.Emulator;

/// <summary>
/// The shape of the MP4 a task delivers, derived from its spec and request (see <see cref="Mp4Video.Create"/>).
/// </summary>
/// <param name="Width">Width in pixels: even, 2 to <see cref="Mp4Video.MaxSide"/>.</param>
/// <param name="Height">Height in pixels: even, 2 to <see cref="Mp4Video.MaxSide"/>.</param>
/// <param name="Duration">Length, from <see cref="Mp4Video.MinDuration"/> to <see cref="Mp4Video.MaxDuration"/>.</param>
/// <param name="HasAudio">Whether it carries a (silent) AAC audio track.</param>
public sealed record EmulatedVideo(int Width, int Height, TimeSpan Duration, bool HasAudio)
{
    /// <summary>
    /// What a request asks for, by its spec: the size from <c>output.pixelSize</c> for the request's row and column
    /// values (absent ones take the parameter's default), else <see cref="EmulatorDefaults.VideoWidth"/> ×
    /// <see cref="EmulatorDefaults.VideoHeight"/>; the length from the number parameter with <c>unit: seconds</c>
    /// (else the one <c>pricing.per</c> names), taking its default, then its minimum, when absent, else
    /// <see cref="EmulatorDefaults.VideoDuration"/>; audio per the spec's <c>output.audio</c>. Odd sizes
    /// round up to even; sizes and lengths are clamped to what <see cref="Mp4Video.Create"/> makes.
    /// </summary>
    internal static EmulatedVideo For(Contract contract, JsonElement body)
    {
        var (width, height) = PixelSize(contract, body);
        return new EmulatedVideo(Side(width), Side(height), Length(contract, body), Audio(contract, body));
    }

    private static (int Width, int Height) PixelSize(Contract contract, JsonElement body)
    {
        if (contract.Output?.PixelSizes is { } sizes
            && StringValue(contract, sizes.RowParameter, body) is { } row
            && StringValue(contract, sizes.ColumnParameter, body) is { } column)
        {
            foreach (var entry in sizes.Entries)
            {
                if (string.Equals(entry.Row, row, StringComparison.Ordinal) && string.Equals(entry.Column, column, StringComparison.Ordinal))
                {
                    return (entry.Width, entry.Height);
                }
            }
        }

        return (EmulatorDefaults.VideoWidth, EmulatorDefaults.VideoHeight);
    }

    private static TimeSpan Length(Contract contract, JsonElement body)
    {
        var parameter = DurationParameter(contract);
        decimal? seconds = null;
        if (parameter is not null)
        {
            seconds = body.TryGetProperty(parameter.Name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var given)
                ? given
                : parameter.Default is { Kind: ContractValueKind.Number } fallback ? fallback.Number : parameter.Minimum;
        }

        if (seconds is not { } length)
        {
            return EmulatorDefaults.VideoDuration;
        }

        var milliseconds = Math.Clamp(length * 1000m, (decimal)Mp4Video.MinDuration.TotalMilliseconds, (decimal)Mp4Video.MaxDuration.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((double)Math.Round(milliseconds));
    }

    private static Parameter? DurationParameter(Contract contract)
    {
        foreach (var parameter in contract.Parameters)
        {
            if (IsNumber(parameter) && string.Equals(parameter.Unit, "seconds", StringComparison.OrdinalIgnoreCase))
            {
                return parameter;
            }
        }

        return contract.Pricing is { } pricing && contract.FindParameter(pricing.PerParameter) is { } per && IsNumber(per) ? per : null;
    }

    private static bool Audio(Contract contract, JsonElement body)
    {
        if (contract.Output?.Audio is not { } audio)
        {
            return false;
        }

        bool? requested = audio.Parameter is { } name && body.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;
        bool? defaultValue = audio.Parameter is { } parameter && contract.FindParameter(parameter)?.Default is { Kind: ContractValueKind.Boolean } fallback
            ? fallback.Boolean
            : null;
        return audio.HasTrack(requested, defaultValue);
    }

    private static string? StringValue(Contract contract, string name, JsonElement body)
    {
        if (body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        return contract.FindParameter(name)?.Default is { Kind: ContractValueKind.String } fallback ? fallback.String : null;
    }

    private static bool IsNumber(Parameter parameter) => parameter.Type is ParameterType.Integer or ParameterType.Number;

    private static int Side(int pixels)
    {
        var clamped = Math.Clamp(pixels, 2, Mp4Video.MaxSide);
        return clamped + (clamped & 1);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}, {Duration.TotalSeconds:0.###} s, {(HasAudio ? "audio" : "no audio")}");
}
