using System;
using System.Globalization;

namespace GrokContracts.Robustness.Tests.Support;

/// <summary>
/// How many cases a run tries. CI runs at scale 1 (a few thousand cases, well under a minute);
/// <c>GROK_ROBUSTNESS_SCALE=10</c> (or more) widens the typing-state stride and multiplies random iterations.
/// </summary>
internal static class RobustnessScale
{
    public const string Variable = "GROK_ROBUSTNESS_SCALE";

    public static int Factor { get; } = Read();

    private static int Read()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var factor) && factor > 0 ? factor : 1;
    }
}
