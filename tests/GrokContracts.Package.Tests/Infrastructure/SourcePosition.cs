using System;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>1-based line and column of text in a source file, as the compiler reports them.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>Where <paramref name="target"/> starts inside the first occurrence of <paramref name="context"/>.</summary>
    public static SourcePosition Of(string source, string context, string target)
    {
        var contextStart = source.IndexOf(context, StringComparison.Ordinal);
        if (contextStart < 0)
        {
            throw new ArgumentException($"'{context}' is not in the source");
        }

        var offsetInContext = context.IndexOf(target, StringComparison.Ordinal);
        if (offsetInContext < 0)
        {
            throw new ArgumentException($"'{target}' is not in '{context}'");
        }

        var offset = contextStart + offsetInContext;
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourcePosition(line, offset - lineStart + 1);
    }

    public override string ToString() => $"({Line},{Column})";
}
