using System.Collections.Generic;
using System.Linq;

namespace GrokContracts.Spec.Parsing;

/// <summary>Collects the diagnostics of one spec file; hands them back in file order.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<SpecDiagnostic> _items = new();
    private readonly string _filePath;

    public DiagnosticBag(string filePath) => _filePath = filePath;

    public bool HasErrors => _items.Count > 0;

    /// <summary>GRK100: the text is not a readable spec (YAML/JSON syntax, size, depth, anchors).</summary>
    public void NotParseable(string message, SpecPosition start, SpecPosition end) =>
        Add(SpecDiagnosticIds.NotParseable, message, start, end);

    /// <summary>GRK101: the document does not follow the spec schema (SpecReader, SpecParser.Sections/Parameters).</summary>
    public void Schema(string message, SpecNode at) => Add(SpecDiagnosticIds.SchemaViolation, message, at.Start, at.End);

    /// <summary>GRK102: the spec contradicts itself or derives unusable C# names (SpecParser.Consistency/Validation).</summary>
    public void Inconsistent(string message, SpecNode at) => Add(SpecDiagnosticIds.Inconsistent, message, at.Start, at.End);

    /// <summary>Any spec diagnostic by id (<see cref="SpecDiagnosticIds"/>).</summary>
    public void Add(string id, string message, SpecPosition start, SpecPosition end) =>
        _items.Add(new SpecDiagnostic(id, message, _filePath, start, end));

    /// <summary>Diagnostics sorted by position (stable, so same-position ones keep the order they were found in).</summary>
    public EquatableArray<SpecDiagnostic> ToSortedArray() =>
        EquatableArray.From(_items.OrderBy(d => d.Start.Line).ThenBy(d => d.Start.Column));
}
