using System;
using System.Net;
using System.Net.Http;
using GrokContracts.Internal;

namespace GrokContracts.Tests;

/// <summary><c>Retry-After</c> and <c>retry-after-ms</c> are floors; bad values are ignored or clamped, never thrown.</summary>
public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData(" 12 ", 12)]
    [InlineData("1.5", 1.5)]
    [InlineData("299", 299)]
    [InlineData("300", 300)]
    [InlineData("301", 300)]
    [InlineData("99999999999999999999", 300)]
    [InlineData("Mon, 23 Nov 2026 12:00:30 GMT", 30)]
    [InlineData("Tue, 24 Nov 2026 12:00:00 GMT", 300)]
    public void Readable_values_are_floors_clamped_to_the_cap(string header, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Read(("Retry-After", header)));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Mon, 23 Nov 2026 11:59:00 GMT")]
    [InlineData("Sun, 01 Jan 2000 00:00:00 GMT")]
    [InlineData("")]
    [InlineData("1e3x")]
    public void Negative_past_and_malformed_values_are_ignored(string header)
    {
        Assert.Null(Read(("Retry-After", header)));
    }

    [Theory]
    [InlineData("1500", 1.5)]
    [InlineData("0", 0)]
    [InlineData("999999999999", 300)]
    public void Retry_after_ms_wins_over_Retry_After(string ms, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Read(("retry-after-ms", ms), ("Retry-After", "60")));
    }

    [Fact]
    public void A_bad_retry_after_ms_falls_back_to_Retry_After()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), Read(("retry-after-ms", "-4"), ("Retry-After", "60")));
        Assert.Null(Read());
        Assert.Null(RetryAfterHeader.Read(null, Now, Cap));
    }

    private static TimeSpan? Read(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return RetryAfterHeader.Read(response, Now, Cap);
    }
}
