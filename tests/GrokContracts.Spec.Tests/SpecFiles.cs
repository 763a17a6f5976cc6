using System;
using System.IO;
using System.Linq;

namespace GrokContracts.Spec.Tests;

/// <summary>The shipped spec files, copied next to the tests under <c>specs/</c>.</summary>
internal static class SpecFiles
{
    public const string OfficialName = "grok-imagine-video-1.5-official.yaml";
    public const string BetaName = "grok-imagine-video-1.5-beta.yaml";

    public static string Official => Read(OfficialName);

    public static string Beta => Read(BetaName);

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "specs", name));

    public static Contract Parse(string text, string path = "test.yaml")
    {
        var result = ContractParser.Parse(text, path);
        Assert.True(result.Diagnostics.Count == 0, string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.ToString())));
        return result.Contract!;
    }

    public static Contract OfficialContract => Parse(Official, OfficialName);

    public static Contract BetaContract => Parse(Beta, BetaName);
}
