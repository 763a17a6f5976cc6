using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using static GrokContracts.Analyzers.Tests.Infrastructure.PayloadSource;

namespace GrokContracts.Analyzers.Tests.Rules.Contexts;

/// <summary>
/// The typed API's calls are picked out by name before anything is bound (a <c>With…</c> of a checked parameter, a
/// <c>Parse</c>/<c>TryParse</c> on a receiver named like a <c>…Wire</c> class); the binding then decides. Look-alikes
/// are not reported, and the real calls are found however the receiver is written.
/// </summary>
public sealed class TypedApiFilterTests
{
    [Fact]
    public Task Look_alike_With_and_Wire_classes_of_the_project_are_not_reported() =>
        Verify.Analyzer("""
            namespace App.Mine
            {
                public sealed class Clip
                {
                    public Clip WithDuration(int seconds) => this;
                }

                public static class ResolutionWire
                {
                    public static int Parse(string value) => value.Length;
                    public static bool TryParse(string value, out int result) { result = 0; return false; }
                }

                public static class Use
                {
                    public static int Run() =>
                        new Clip().WithDuration(20).GetHashCode() + ResolutionWire.Parse("1080p") + int.Parse("7")
                        + (ResolutionWire.TryParse("4k", out var r) ? r : 0) + System.Guid.Parse("00000000-0000-0000-0000-000000000000").GetHashCode();
                }
            }
            """,
            TestOptions.Generated);

    [Fact]
    public Task Wire_Parse_is_found_unqualified_qualified_and_globally_qualified() =>
        Verify.Analyzer(
            Typed("ResolutionWire.Parse({|#0:\"1080p\"|}).ToString()"
                + " + GrokContracts.GrokImagineVideo15Official.ResolutionWire.Parse({|#1:\"1080p\"|})"
                + " + global::GrokContracts.GrokImagineVideo15Official.AspectRatioWire.TryParse({|#2:\"auto\"|}, out _)"),
            TestOptions.Generated,
            Verify.Diagnostic("GRK003").WithLocation(0),
            Verify.Diagnostic("GRK003").WithLocation(1),
            Verify.Diagnostic("GRK003").WithLocation(2));

    [Fact]
    public Task Wire_Parse_is_found_through_a_using_alias_of_the_file_or_its_namespace() =>
        Verify.Analyzer(
            """
            using AR = GrokContracts.GrokImagineVideo15Official.AspectRatioWire;

            namespace App
            {
                using Res = GrokContracts.GrokImagineVideo15Official.ResolutionWire;
                using Other = System.Int32;

                public static class Use
                {
                    public static object Run() => AR.Parse({|#0:"auto"|}).ToString() + Res.TryParse({|#1:"1080p"|}, out _) + Other.Parse("7");
                }
            }
            """,
            TestOptions.Generated,
            Verify.Diagnostic("GRK003").WithLocation(0),
            Verify.Diagnostic("GRK003").WithLocation(1));
}
