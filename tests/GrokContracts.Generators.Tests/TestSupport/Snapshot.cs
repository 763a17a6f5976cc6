using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace GrokContracts.Generators.Tests.TestSupport;

/// <summary>
/// Committed snapshots of generated files: <c>Snapshots/&lt;hint&gt;.verified.cs</c> in the source tree.
/// On a mismatch the actual text is written to <c>&lt;hint&gt;.received.cs</c> next to it and the test fails.
/// To accept the new output, run the tests once with <c>GROK_ACCEPT_SNAPSHOTS=1</c>
/// (<c>GROK_ACCEPT_SNAPSHOTS=1 dotnet test tests/GrokContracts.Generators.Tests</c>): the verified files are
/// rewritten, then review and commit them.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "GROK_ACCEPT_SNAPSHOTS";

    public static string Directory => Path.Combine(ProjectDirectory(), "Snapshots");

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>The verified file of a generated hint name (<c>X.g.cs</c> → <c>X.g.verified.cs</c>).</summary>
    public static string VerifiedPath(string hintName) => Path.Combine(Directory, Stem(hintName) + ".verified.cs");

    public static void Verify(string hintName, string actual)
    {
        var verified = VerifiedPath(hintName);
        var received = Path.Combine(Directory, Stem(hintName) + ".received.cs");
        if (Accepting)
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(
            (expected is null ? "No snapshot " : "Snapshot mismatch: ") + verified + Environment.NewLine
            + "Actual output written to " + received + Environment.NewLine
            + "Diff: diff -u '" + verified + "' '" + received + "'" + Environment.NewLine
            + "Accept: " + AcceptVariable + "=1 dotnet test tests/GrokContracts.Generators.Tests" + Environment.NewLine
            + FirstDifference(expected ?? string.Empty, actual));
    }

    private static string Stem(string hintName) => hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName;

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                return "First difference at line " + (i + 1) + ":" + Environment.NewLine + "- " + e + Environment.NewLine + "+ " + a;
            }
        }

        return string.Empty;
    }

    private static string ProjectDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path)!)!;
}
