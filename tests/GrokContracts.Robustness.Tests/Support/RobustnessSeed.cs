using System;
using CsCheck;
using Xunit.Abstractions;

namespace GrokContracts.Robustness.Tests.Support;

/// <summary>
/// The CsCheck seed of a property test, chosen up front and written to the test output, so any failure — inside the
/// sample (CsCheck names the failing case's seed too) or in the checks after it (counts, ratios) — can be replayed
/// with <c>CsCheck_Seed=&lt;seed&gt;</c>.
/// </summary>
internal static class RobustnessSeed
{
    /// <summary>The environment variable CsCheck itself reads; set it to replay a run.</summary>
    public const string Variable = "CsCheck_Seed";

    /// <summary>The seed from <see cref="Variable"/>, else a fresh one; written to <paramref name="output"/> either way.</summary>
    public static string Choose(ITestOutputHelper output)
    {
        var seed = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given ? given : Gen.Seed.Single();
        output.WriteLine($"CsCheck seed: {seed} (replay with {Variable}={seed})");
        return seed;
    }

    /// <summary><paramref name="message"/> with the seed to replay it.</summary>
    public static string With(string seed, string message) => message + $" (replay with {Variable}={seed})";
}
