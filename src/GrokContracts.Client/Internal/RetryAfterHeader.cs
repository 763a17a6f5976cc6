using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace GrokContracts.Internal;

/// <summary>
/// Reads a response's <c>retry-after-ms</c> and <c>Retry-After</c> (delta-seconds or HTTP-date) as a floor for the
/// next attempt. Negative, past or malformed values are ignored, huge ones clamped; it never throws.
/// </summary>
internal static class RetryAfterHeader
{
    /// <summary>The longest floor a server can impose.</summary>
    public static readonly TimeSpan DefaultCap = TimeSpan.FromMinutes(5);

    public static TimeSpan? Read(HttpResponseMessage? response, DateTimeOffset now, TimeSpan cap)
    {
        if (response is null)
        {
            return null;
        }

        try
        {
            if (response.Headers.TryGetValues("retry-after-ms", out var msValues)
                && TryParseMilliseconds(msValues, out var fromMs))
            {
                return Clamp(fromMs, cap);
            }

            if (response.Headers.TryGetValues("Retry-After", out var values))
            {
                var raw = values.FirstOrDefault();
                if (TryParse(raw, now, out var delay))
                {
                    return Clamp(delay, cap);
                }
            }
        }
        catch (FormatException)
        {
            // A header the framework itself cannot split: treat as absent.
        }
        catch (InvalidOperationException)
        {
        }

        return null;
    }

    /// <summary>Parses one <c>Retry-After</c> value: delta-seconds or an HTTP-date (relative to <paramref name="now"/>).</summary>
    public static bool TryParse(string? raw, DateTimeOffset now, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        raw = raw!.Trim();
        if (raw.Length > 64)
        {
            return false;
        }

        if (double.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            if (double.IsNaN(seconds) || seconds < 0)
            {
                return false;
            }

            delay = seconds > 86400 * 365 ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
            return true;
        }

        if (DateTimeOffset.TryParseExact(raw, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date)
            || DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date))
        {
            var until = date - now;
            if (until <= TimeSpan.Zero)
            {
                return false;
            }

            delay = until;
            return true;
        }

        return false;
    }

    private static bool TryParseMilliseconds(IEnumerable<string> values, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        var raw = values.FirstOrDefault()?.Trim();
        if (raw is null || raw.Length > 32
            || !double.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ms)
            || double.IsNaN(ms) || ms < 0)
        {
            return false;
        }

        delay = ms > 1000d * 86400 * 365 ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(ms);
        return true;
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan cap) => value > cap ? cap : value;
}
