using System;
using System.Threading;
using GrokContracts.Spec.Parsing;

namespace GrokContracts.Spec;

/// <summary>Reads a spec file (YAML or JSON) into a <see cref="Contract"/>, reporting every problem as a GRK1xx diagnostic.</summary>
public static class ContractParser
{
    /// <summary>Largest spec accepted, in UTF-16 characters (1 MiB); longer text is a GRK100 at 1,1.</summary>
    public const int MaxLength = SpecDocumentReader.MaxLength;

    /// <summary>Deepest mapping/sequence nesting accepted; deeper text is a GRK100 where the limit is crossed.</summary>
    public const int MaxDepth = SpecDocumentReader.MaxDepth;

    /// <summary>
    /// Parses <paramref name="text"/>. Never throws for any input except <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> is cancelled. The result holds a contract only when there is no
    /// diagnostic; diagnostics come in file order with 1-based line/column of the offending key or value.
    /// </summary>
    /// <param name="text">The spec text (YAML, or JSON which YAML reads too).</param>
    /// <param name="filePath">Path of the file, copied into each diagnostic.</param>
    /// <param name="cancellationToken">Checked regularly; cancellation propagates as <see cref="OperationCanceledException"/>.</param>
    public static SpecParseResult Parse(string text, string filePath, CancellationToken cancellationToken = default)
    {
        filePath ??= string.Empty;
        var diagnostics = new DiagnosticBag(filePath);
        if (text is null)
        {
            diagnostics.NotParseable("the spec is empty", new SpecPosition(1, 1), new SpecPosition(1, 1));
            return new SpecParseResult(null, diagnostics.ToSortedArray()) { FilePath = filePath };
        }

        var root = SpecDocumentReader.Read(text, diagnostics, cancellationToken);
        if (root is null)
        {
            return new SpecParseResult(null, diagnostics.ToSortedArray()) { FilePath = filePath };
        }

        var parser = new SpecParser(new SpecReader(diagnostics, cancellationToken));
        Contract? contract;
        try
        {
            contract = parser.ReadContract(root);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug of ours must not crash the compiler: report it where the user can see it.
            diagnostics.NotParseable("internal error while reading the spec: " + ex.Message, root.Start, root.Start);
            contract = null;
        }

        return new SpecParseResult(diagnostics.HasErrors ? null : contract, diagnostics.ToSortedArray())
        {
            FilePath = filePath,
            ModelId = parser.ModelId,
            ModelIdSpan = parser.ModelIdSpan,
        };
    }
}
