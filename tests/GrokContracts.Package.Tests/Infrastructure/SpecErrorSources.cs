using System;
using System.Linq;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>
/// The <c>spec-errors</c> consumer: one broken spec per spec rule (GRK100-GRK103), each whose generated types
/// <see cref="Uses"/> needs, so the C# build fails (CS0234) and the compiler drops analyzer diagnostics. The
/// GRK10x must still be in the build log, at the spec's own line and column.
/// </summary>
public static class SpecErrorSources
{
    public const string OfficialModelId = "grok-imagine-video-1.5-official";

    /// <summary>Code that uses the types each broken spec would have generated.</summary>
    public const string Uses = """
        namespace Consumer
        {
            public static class Uses
            {
                public static object NotParseable() => new GrokContracts.BrokenFlow.VideoGenerationRequest("p", "https://images.example.com/a.jpg");

                public static object Override() => new GrokContracts.GrokImagineVideo15Official.VideoGenerationRequest("p", "https://images.example.com/a.jpg");

                public static object Inconsistent() => new GrokContracts.OutOfRange.VideoGenerationRequest("p", "https://images.example.com/a.jpg");

                public static object Duplicate() => new Consumer.Second.VideoGenerationRequest("p", "https://images.example.com/a.jpg");
            }
        }
        """;

    /// <summary>GRK100: an unquoted <c>{id}</c> in a flow mapping (a plain scalar cannot hold a flow indicator).</summary>
    public static string NotParseable(string official) =>
        Replace(
            Replace(official, "model: " + OfficialModelId, "model: broken-flow"),
            "  poll:\n    method: GET\n    path: /api/v1/tasks/{id}\n",
            "  poll: { method: GET, path: /api/v1/tasks/{id} }\n");

    public static readonly (string Line, string At) NotParseableAt = ("poll: {", "{id}");

    /// <summary>GRK101: a project spec overriding the shipped official model id, with <c>maximum: ten</c>.</summary>
    public static string BrokenOverride(string official) => Replace(official, "    maximum: 15\n", "    maximum: ten\n");

    public static readonly (string Line, string At) BrokenOverrideAt = ("maximum: ten", "ten");

    /// <summary>GRK102: a default outside its range.</summary>
    public static string Inconsistent(string official) =>
        Replace(Replace(official, "model: " + OfficialModelId, "model: out-of-range"), "    default: 8\n", "    default: 20\n");

    public static readonly (string Line, string At) InconsistentAt = ("default: 20", "20");

    /// <summary>GRK103: two project specs with one model id (the second, with its own namespace, is not generated).</summary>
    public static string Duplicate(string official) => Replace(official, "model: " + OfficialModelId, "model: duplicate-channel");

    public static readonly (string Line, string At) DuplicateAt = ("model: duplicate-channel", "duplicate-channel");

    /// <summary>The 1-based line and column of <paramref name="place"/>.At on the first line that contains <paramref name="place"/>.Line.</summary>
    public static (int Line, int Column) PositionOf(string text, (string Line, string At) place)
    {
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(place.Line, StringComparison.Ordinal));
        var column = line < 0 ? -1 : lines[line].IndexOf(place.At, lines[line].IndexOf(place.Line, StringComparison.Ordinal), StringComparison.Ordinal);
        if (column < 0)
        {
            throw new InvalidOperationException($"'{place.At}' in '{place.Line}' not found");
        }

        return (line + 1, column + 1);
    }

    private static string Replace(string text, string from, string to)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalized.Contains(from, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the official spec no longer contains '{from.Trim()}'");
        }

        return normalized.Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>Every spec of the consumer by file name.</summary>
    public static (string File, string Text)[] Specs(string official) =>
    [
        ("broken-flow.yaml", NotParseable(official)),
        ("official-override.yaml", BrokenOverride(official)),
        ("out-of-range.yaml", Inconsistent(official)),
        ("dup-first.yaml", Duplicate(official)),
        ("dup-second.yaml", Duplicate(official)),
    ];

    internal static string Spec(string official, string file) => Specs(official).Single(s => s.File == file).Text;
}
