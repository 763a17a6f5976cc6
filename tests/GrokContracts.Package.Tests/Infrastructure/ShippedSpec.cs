using System;
using System.IO;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>The repository's shipped spec texts, and edited copies of them for project specs.</summary>
public static class ShippedSpec
{
    public const string Official = "grok-imagine-video-1.5-official";
    public const string Beta = "grok-imagine-video-1.5-beta";

    public static string Read(string modelId) => File.ReadAllText(Path.Combine(PackedPackage.SpecDirectory, modelId + ".yaml")).ReplaceLineEndings("\n");

    /// <summary>The spec text with <paramref name="oldText"/> replaced once (it must occur exactly once).</summary>
    public static string Edit(string text, string oldText, string newText)
    {
        var at = text.IndexOf(oldText, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(oldText, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{oldText}' does not occur exactly once in the spec");
        }

        return string.Concat(text.AsSpan(0, at), newText, text.AsSpan(at + oldText.Length));
    }

    /// <summary>1-based line of the first line that contains <paramref name="text"/>.</summary>
    public static int LineOf(string spec, string text)
    {
        var at = spec.IndexOf(text, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException($"'{text}' is not in the spec");
        }

        return spec.AsSpan(0, at).Count('\n') + 1;
    }
}
