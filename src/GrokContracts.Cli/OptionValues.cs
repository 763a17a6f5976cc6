using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GrokContracts.Cli;

/// <summary>
/// Parsers for bounded numeric options: one place that turns "abc", "-1" or "70000" into a single parse error
/// (which <see cref="CliApp"/> prints as one line, exit 2).
/// </summary>
internal static class OptionValues
{
    /// <summary>An integer option within [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<int> Integer(Option<int> option, int minimum, int maximum)
    {
        option.CustomParser = result =>
        {
            var text = Single(result);
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
            {
                return value;
            }

            result.AddError($"{option.Name} must be an integer {minimum}-{maximum}, not '{text}'");
            return default;
        };
        return option;
    }

    /// <summary>A number of seconds within [<paramref name="minimum"/>, <paramref name="maximum"/>] (exclusive of the minimum when <paramref name="positive"/>).</summary>
    public static Option<double?> Seconds(Option<double?> option, double minimum, double maximum, bool positive)
    {
        option.CustomParser = result =>
        {
            var text = Single(result);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && double.IsFinite(value) && (positive ? value > minimum : value >= minimum) && value <= maximum)
            {
                return value;
            }

            var range = positive ? $"greater than {minimum} and at most {maximum}" : $"{minimum}-{maximum}";
            result.AddError($"{option.Name} must be a number of seconds {range}, not '{text}'");
            return null;
        };
        return option;
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
}
