using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using static GrokContracts.Analyzers.Tests.Infrastructure.PayloadSource;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>Every C# payload rule under C# 7.3 (every context it can write) and with nullable disabled.</summary>
public sealed class LanguageVersionTests
{
    public static TheoryData<string, PayloadContext> Cases()
    {
        var data = new TheoryData<string, PayloadContext>();
        foreach (var id in Samples.Keys)
        {
            foreach (var context in PayloadSource.CSharp73)
            {
                data.Add(id, context);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Positive_CSharp73(string id, PayloadContext context) =>
        Verify.Analyzer(Samples[id](context), TestOptions.CSharp73, Verify.Diagnostic(id).WithLocation(0));

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Positive_NullableDisabled(string id, PayloadContext context) =>
        Verify.Analyzer(Samples[id](context), TestOptions.NullableDisabled, Verify.Diagnostic(id).WithLocation(0));

    [Theory]
    [MemberData(nameof(CSharp73Contexts))]
    public Task Negative_CSharp73(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("duration", "8"), ("aspect_ratio", "\"1:1\""), ("audio", "true")), TestOptions.CSharp73);

    public static IEnumerable<object[]> CSharp73Contexts() => PayloadSource.CSharp73.Select(c => new object[] { c });

    private static readonly Dictionary<string, System.Func<PayloadContext, string>> Samples = new()
    {
        ["GRK001"] = c => Official(c, ("duration", "{|#0:16|}")),
        ["GRK002"] = c => Official(c, ("audio", "{|#0:\"true\"|}")),
        ["GRK003"] = c => Official(c, ("resolution", "{|#0:\"1080p\"|}")),
        ["GRK004"] = c => Official(c, ("prompt", "{|#0:\"\"|}")),
        ["GRK005"] = c => Official(c, ("image_urls", V.Array("{|#0:\"data:,x\"|}"))),
        ["GRK007"] = c => Official(c, ("#0:nsfw_checker", "true")),
        ["GRK008"] = c => Source(c, "grok-imagine-video-1.5-oficial", new (string, V)[] { ("prompt", "\"A\"") }, modelMarkup: "#0"),
    };
}
