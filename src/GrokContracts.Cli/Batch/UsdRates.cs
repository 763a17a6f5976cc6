using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GrokContracts.Spec;

namespace GrokContracts.Cli.Batch;

/// <summary>
/// The per-second USD rates for channels whose spec leaves the rate to configuration (reAPI's channels each have their
/// own, published on the model page): one rate for every such channel, and rates by model id, which win.
/// From <c>--usd-per-second</c> (repeatable: <c>0.05</c>, <c>grok-imagine-video-1.5-beta=0.08</c>), else from
/// <c>REAPI_USD_PER_SECOND</c> (the same words, comma-separated).
/// </summary>
internal sealed class UsdRates
{
    /// <summary>The environment variable read when no <c>--usd-per-second</c> is given.</summary>
    public const string Variable = "REAPI_USD_PER_SECOND";

    /// <summary>The highest rate accepted (a typo guard, not a business rule).</summary>
    public const decimal Maximum = 1000m;

    private readonly Dictionary<string, decimal> _byModel;

    private UsdRates(decimal? fallback, Dictionary<string, decimal> byModel)
    {
        Fallback = fallback;
        _byModel = byModel;
    }

    /// <summary>No rates: channels without a rate in their spec are not priced.</summary>
    public static UsdRates None { get; } = new(null, new Dictionary<string, decimal>(StringComparer.Ordinal));

    /// <summary>The rate of every channel not named by model id, or null.</summary>
    public decimal? Fallback { get; }

    /// <summary>The configured rate of <paramref name="modelId"/>: its own, else the fallback, else null.</summary>
    public decimal? For(string modelId) => _byModel.TryGetValue(modelId, out var rate) ? rate : Fallback;

    /// <summary>
    /// Reads the option's words, else the variable's. Throws <see cref="CliUsageException"/> (exit 2, one line) for a
    /// word that is not a rate, a model id no loaded spec declares, or a model (or the fallback) given twice.
    /// </summary>
    public static UsdRates Parse(IReadOnlyList<string>? option, Func<string, string?> variables, ContractCatalog catalog)
    {
        string where;
        IEnumerable<string> words;
        if (option is { Count: > 0 })
        {
            (where, words) = ("--usd-per-second", option);
        }
        else if (variables(Variable) is { Length: > 0 } text)
        {
            (where, words) = (Variable, text.Split(','));
        }
        else
        {
            return None;
        }

        decimal? fallback = null;
        var byModel = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var raw in words)
        {
            var word = raw.Trim();
            var equals = word.LastIndexOf('=');
            var model = equals < 0 ? null : word.Substring(0, equals).Trim();
            var rate = Rate(where, equals < 0 ? word : word.Substring(equals + 1).Trim(), word);
            if (model is null)
            {
                fallback = fallback is null ? rate : throw new CliUsageException($"{where}: one rate for all channels is given twice; name a model for the others (model=rate)");
                continue;
            }

            if (!catalog.TryGet(model, out _))
            {
                var closest = DidYouMean.Closest(model, catalog.Winners.Where(w => w.Contract is not null).Select(w => w.Contract!.ModelId));
                throw new CliUsageException($"{where}: no loaded spec declares model '{model}'" + (closest is null ? string.Empty : $"; did you mean '{closest}'?"));
            }

            if (!byModel.TryAdd(model, rate))
            {
                throw new CliUsageException($"{where}: the rate of '{model}' is given twice");
            }
        }

        return new UsdRates(fallback, byModel);
    }

    private static decimal Rate(string where, string text, string word) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= Maximum
            ? value
            : throw new CliUsageException($"{where}: '{word}' is not a rate: give a number 0-{Maximum.ToString(CultureInfo.InvariantCulture)} (USD per second), or model=number");
}
