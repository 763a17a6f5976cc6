using System;
using GrokContracts.Generators.Diagnostics;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Generators.Model;

/// <summary>
/// A place in a spec file, in the two forms a <see cref="Location"/> needs (character span for the IDE's squiggle,
/// line/column for build output), as plain ints so the pipeline can cache it and compare it by value.
/// </summary>
/// <param name="FilePath">Path of the spec file as the compiler sees it.</param>
/// <param name="Start">0-based character offset of the start.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="StartLine">0-based start line.</param>
/// <param name="StartColumn">0-based start column.</param>
/// <param name="EndLine">0-based end line.</param>
/// <param name="EndColumn">0-based end column.</param>
internal sealed record SpecLocation(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>The Roslyn location, made only when a diagnostic is reported (never cached).</summary>
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));

    /// <summary>
    /// The location of the 1-based span from <paramref name="startPosition"/> to <paramref name="endPosition"/> in <paramref name="text"/>, clamped to the text (a
    /// position past the end of a line or of the file moves to that end), so any span gives a valid location.
    /// </summary>
    public static SpecLocation From(string filePath, SourceText text, SpecPosition startPosition, SpecPosition endPosition)
    {
        var start = ToLinePosition(text, startPosition);
        var end = ToLinePosition(text, endPosition);
        if (end < start)
        {
            end = start;
        }

        var from = text.Lines.GetPosition(start);
        var to = text.Lines.GetPosition(end);
        return new SpecLocation(filePath, from, to - from, start.Line, start.Character, end.Line, end.Character);
    }

    private static LinePosition ToLinePosition(SourceText text, SpecPosition position)
    {
        var lineCount = text.Lines.Count;
        var line = position.Line < 1 ? 0 : Math.Min(position.Line, lineCount) - 1;
        var length = text.Lines[line].End - text.Lines[line].Start;
        var column = position.Column < 1 ? 0 : Math.Min(position.Column - 1, length);
        return new LinePosition(line, column);
    }
}

/// <summary>
/// A diagnostic found by the generator's pipeline, as an equatable record (a <see cref="Diagnostic"/> holds a
/// <see cref="Location"/> and would defeat caching); turned into a <see cref="Diagnostic"/> only when reported.
/// </summary>
/// <param name="Id">The rule id (GRK100-GRK103).</param>
/// <param name="Message">The Spec library's message.</param>
/// <param name="Location">Where in the spec file.</param>
internal sealed record DiagnosticInfo(string Id, string Message, SpecLocation Location)
{
    /// <summary>The diagnostic, or null for an id without a descriptor (never the case for the Spec library's ids).</summary>
    public Diagnostic? ToDiagnostic() =>
        DiagnosticDescriptors.ForSpecId(Id) is { } descriptor ? Diagnostic.Create(descriptor, Location.ToLocation(), Message) : null;
}
