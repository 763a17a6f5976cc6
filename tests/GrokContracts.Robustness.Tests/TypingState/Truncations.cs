using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokContracts.Robustness.Tests.TypingState;

/// <summary>Where to cut a file: what an editor holds while the file is typed from the top.</summary>
internal static class Truncations
{
    /// <summary>The embedded payload sources (<c>TypingState/Samples/*.cs</c>).</summary>
    public static IEnumerable<string> SampleNames =>
        typeof(Truncations).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Samples/", StringComparison.Ordinal))
            .Select(n => n["Samples/".Length..])
            .Order(StringComparer.Ordinal);

    public static string Sample(string name)
    {
        using var stream = typeof(Truncations).Assembly.GetManifestResourceStream("Samples/" + name)
            ?? throw new ArgumentException("No embedded sample " + name, nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// Every token boundary of <paramref name="source"/> (the end of each token), plus, inside string literals (where
    /// JSON payloads live and C# sees one token), the position after each JSON punctuation character.
    /// </summary>
    public static IReadOnlyList<int> AtTokenBoundaries(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        var cuts = new SortedSet<int> { 0, source.Length };
        foreach (var token in root.DescendantTokens())
        {
            cuts.Add(token.SpanStart);
            cuts.Add(token.Span.End);
            if (IsStringContent(token))
            {
                for (var i = token.SpanStart; i < token.Span.End; i++)
                {
                    if (source[i] is '{' or '}' or '[' or ']' or ':' or ',' or '"' or '\\')
                    {
                        cuts.Add(i + 1);
                    }
                }
            }
        }

        return [.. cuts];
    }

    /// <summary>Cuts through a spec: every line end, every line's first non-blank character, and after every <c>:</c>.</summary>
    public static IReadOnlyList<int> ThroughSpec(string spec)
    {
        var cuts = new SortedSet<int> { 0 };
        for (var i = 0; i < spec.Length; i++)
        {
            if (spec[i] == '\n' || spec[i] == ':' || (i > 0 && spec[i - 1] == '\n'))
            {
                cuts.Add(i);
            }
        }

        return [.. cuts];
    }

    private static bool IsStringContent(SyntaxToken token) => token.Kind() is SyntaxKind.StringLiteralToken
        or SyntaxKind.Utf8StringLiteralToken
        or SyntaxKind.SingleLineRawStringLiteralToken
        or SyntaxKind.MultiLineRawStringLiteralToken
        or SyntaxKind.Utf8SingleLineRawStringLiteralToken
        or SyntaxKind.Utf8MultiLineRawStringLiteralToken
        or SyntaxKind.InterpolatedStringTextToken;
}
