using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using GrokContracts.Generators.Tests.TestSupport;
using GrokContracts.Robustness.Tests.Support;
using Xunit.Abstractions;

namespace GrokContracts.Robustness.Tests.TypingState;

/// <summary>
/// Issue 6 item 8: every state a file passes through while it is typed. Each sample payload file is cut at every
/// token boundary (and at the JSON punctuation inside its string literals); for each cut the generator, all
/// analyzers and every code fix (registration and edits) run as an editor would run them (the specs' own
/// truncations are in <see cref="SpecTypingStateTests"/>). Nothing may throw, report AD0001 or
/// CS8785, swallow a bug-signalling exception, or run past <see cref="EditorSession.CaseTimeout"/>.
/// </summary>
public sealed class TypingStateTests(ITestOutputHelper output)
{
    private const int MaxReported = 5;

    public static TheoryData<string> Samples() => [.. Truncations.SampleNames];

    [Fact]
    public void Every_payload_context_has_a_sample()
    {
        var all = string.Concat(Truncations.SampleNames.Select(Truncations.Sample));
        Assert.Contains("new {", all, StringComparison.Ordinal);
        Assert.Contains("new Dictionary<string, object>", all, StringComparison.Ordinal);
        Assert.Contains("new JsonObject", all, StringComparison.Ordinal);
        Assert.Contains("\"\"\"", all, StringComparison.Ordinal);
        Assert.Contains("@\"{", all, StringComparison.Ordinal);
        Assert.Contains("\"u8", all, StringComparison.Ordinal);
        Assert.Contains("new VideoGenerationRequest(", all, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Payload_file_typed_from_the_top(string sample)
    {
        var source = Truncations.Sample(sample);
        var specs = new[] { TestSpecs.Official, TestSpecs.Beta };
        var session = new EditorSession();
        var cuts = Truncations.AtTokenBoundaries(source);

        // Scale 1 visits up to 160 evenly spread cuts per file (every one of a small file); the full sweep is a scale away.
        var chosen = Spread(cuts, 160 * RobustnessScale.Factor);
        await Run(output, sample, chosen, cut => session.RunAsync([("/src/" + sample, source[..cut])], specs, wholeCompilation: false), cut => Context(source, cut));
    }

    internal static async Task Run(ITestOutputHelper output, string name, IReadOnlyList<int> cuts, Func<int, Task<CaseOutcome>> runCase, Func<int, string> context)
    {
        var failures = new List<string>();
        int diagnostics = 0, actions = 0;
        var slowest = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        foreach (var cut in cuts)
        {
            var started = clock.Elapsed;
            var outcome = await runCase(cut);
            var took = clock.Elapsed - started;
            slowest = took > slowest ? took : slowest;
            diagnostics += outcome.PayloadDiagnostics;
            actions += outcome.FixActions;
            if (outcome.Problems.Count > 0 && failures.Count < MaxReported)
            {
                failures.Add($"cut at {cut} ({context(cut)}):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", outcome.Problems.Distinct().Take(3))}");
            }
            else if (outcome.Problems.Count > 0)
            {
                failures.Add(string.Empty);
            }
        }

        output.WriteLine($"{name}: {cuts.Count} cases in {clock.Elapsed.TotalSeconds:F1} s (slowest {slowest.TotalMilliseconds:F0} ms), {diagnostics} GRK diagnostics, {actions} code actions computed");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cuts.Count} cases of {name} failed; first ones:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Where(f => f.Length > 0))}");
    }

    /// <summary>At most <paramref name="count"/> of <paramref name="cuts"/>, evenly spread, first and last included.</summary>
    internal static IReadOnlyList<int> Spread(IReadOnlyList<int> cuts, int count) =>
        cuts.Count <= count ? cuts : [.. Enumerable.Range(0, count).Select(i => cuts[(int)((long)i * (cuts.Count - 1) / (count - 1))]).Distinct()];

    internal static string Context(string text, int cut)
    {
        var start = Math.Max(0, cut - 40);
        return "…" + text[start..cut].Replace("\n", "\\n", StringComparison.Ordinal) + "|";
    }
}
