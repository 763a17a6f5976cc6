using System;
using System.Threading.Tasks;
using GrokContracts.Generators.Tests.TestSupport;
using GrokContracts.Robustness.Tests.Support;
using Xunit.Abstractions;

namespace GrokContracts.Robustness.Tests.TypingState;

/// <summary>
/// Issue 6 item 8, the spec side: each shipped spec cut at line ends, line starts and after each <c>:</c> (evenly
/// spread, 60 cuts per spec at scale 1), in a project that also holds a half-written anonymous payload and a file
/// using the typed API, so the generator, the spec-file analyzer, the payload analyzer and the fixes all see a
/// contract that is being written. Its own class so xUnit runs it next to the payload files' sweep.
/// </summary>
public sealed class SpecTypingStateTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("official")]
    [InlineData("beta")]
    public async Task Spec_file_typed_from_the_top_next_to_a_half_written_payload(string channel)
    {
        var spec = channel == "official" ? TestSpecs.Official : TestSpecs.Beta;
        var other = channel == "official" ? TestSpecs.Beta : TestSpecs.Official;
        var payloads = Truncations.Sample("AnonymousPayloads.cs");
        var halfWritten = payloads[..(payloads.IndexOf("audio = ", StringComparison.Ordinal) + 8)];
        var typed = Truncations.Sample("TypedRequests.cs");
        var session = new EditorSession();
        var cuts = TypingStateTests.Spread(Truncations.ThroughSpec(spec.Text), 60 * RobustnessScale.Factor);

        await TypingStateTests.Run(
            output,
            spec.Path,
            cuts,
            cut => session.RunAsync([("/src/Half.cs", halfWritten), ("/src/Typed.cs", typed)], [spec with { Text = spec.Text[..cut] }, other], wholeCompilation: true),
            cut => TypingStateTests.Context(spec.Text, cut));
    }
}
