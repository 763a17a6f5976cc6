using System;
using System.Collections.Generic;

namespace GrokContracts;

/// <summary>
/// How a channel bills, from its spec's <c>pricing:</c>:
/// <c>credits = ceil(perSecondUsd × Π multipliers × value of <see cref="PerParameter"/> / <see cref="CreditUsd"/>)</c>.
/// </summary>
public sealed class ChannelPricing
{
    /// <summary>Creates the pricing facts.</summary>
    /// <param name="perSecondUsd">The USD rate per unit when the spec fixes one; null when it is configuration.</param>
    /// <param name="perParameter">Wire name of the numeric parameter the rate is per (e.g. <c>duration</c>).</param>
    /// <param name="multipliers">Rate multipliers by parameter value.</param>
    /// <param name="creditUsd">USD value of one credit (&gt; 0).</param>
    /// <param name="refundsFailed">Whether failed tasks are refunded automatically.</param>
    public ChannelPricing(decimal? perSecondUsd, string perParameter, IEnumerable<PriceMultiplier> multipliers, decimal creditUsd, bool refundsFailed)
    {
        if (string.IsNullOrEmpty(perParameter))
        {
            throw new ArgumentException("The parameter the rate is per is required.", nameof(perParameter));
        }

        if (creditUsd <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(creditUsd), creditUsd, "A credit is worth more than 0 USD.");
        }

        PerSecondUsd = perSecondUsd;
        PerParameter = perParameter;
        Multipliers = new List<PriceMultiplier>(multipliers ?? throw new ArgumentNullException(nameof(multipliers))).AsReadOnly();
        CreditUsd = creditUsd;
        RefundsFailed = refundsFailed;
    }

    /// <summary>The USD rate per unit of <see cref="PerParameter"/>, or null when it is configuration.</summary>
    public decimal? PerSecondUsd { get; }

    /// <summary>Wire name of the numeric parameter the rate is per.</summary>
    public string PerParameter { get; }

    /// <summary>Rate multipliers by parameter value.</summary>
    public IReadOnlyList<PriceMultiplier> Multipliers { get; }

    /// <summary>USD value of one credit.</summary>
    public decimal CreditUsd { get; }

    /// <summary>Whether failed tasks are refunded automatically.</summary>
    public bool RefundsFailed { get; }

    /// <summary>
    /// The credits of one request, in exact decimal arithmetic, rounded up.
    /// </summary>
    /// <param name="perSecondUsd">The USD rate per unit (usually <see cref="PerSecondUsd"/> or configuration).</param>
    /// <param name="units">The value of <see cref="PerParameter"/> in the request (or its default).</param>
    /// <param name="valueOf">The request's wire value of a string parameter (or its default), null when unset.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perSecondUsd"/> or <paramref name="units"/> is negative.</exception>
    public long EstimateCredits(decimal perSecondUsd, decimal units, Func<string, string?> valueOf)
    {
        if (perSecondUsd < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(perSecondUsd), perSecondUsd, "The rate must not be negative.");
        }

        if (units < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, "The units must not be negative.");
        }

        if (valueOf is null)
        {
            throw new ArgumentNullException(nameof(valueOf));
        }

        var multiplier = 1m;
        foreach (var m in Multipliers)
        {
            if (string.Equals(valueOf(m.Parameter), m.Value, StringComparison.Ordinal))
            {
                multiplier *= m.Multiplier;
            }
        }

        return (long)decimal.Ceiling(perSecondUsd * multiplier * units / CreditUsd);
    }
}

/// <summary>A rate multiplier that applies when a parameter has a value.</summary>
public sealed class PriceMultiplier
{
    /// <summary>Creates a multiplier.</summary>
    /// <param name="parameter">Wire name of the parameter.</param>
    /// <param name="value">Its wire value.</param>
    /// <param name="multiplier">The factor applied to the rate.</param>
    public PriceMultiplier(string parameter, string value, decimal multiplier)
    {
        Parameter = parameter ?? throw new ArgumentNullException(nameof(parameter));
        Value = value ?? throw new ArgumentNullException(nameof(value));
        Multiplier = multiplier;
    }

    /// <summary>Wire name of the parameter.</summary>
    public string Parameter { get; }

    /// <summary>Its wire value.</summary>
    public string Value { get; }

    /// <summary>The factor applied to the rate.</summary>
    public decimal Multiplier { get; }
}
