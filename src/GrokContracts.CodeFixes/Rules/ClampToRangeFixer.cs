using System.Collections.Generic;
using System.Composition;
using GrokContracts.Generators;
using GrokContracts.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace GrokContracts.CodeFixes.Rules;

/// <summary>GRK001: clamps an out-of-range number to the nearest bound of the contract's range.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClampToRangeFixer)), Shared]
public sealed class ClampToRangeFixer : PayloadCodeFixProvider
{
    /// <summary>Creates the fixer (MEF does).</summary>
    public ClampToRangeFixer()
        : base(PayloadDiagnosticIds.OutOfRange)
    {
    }

    private protected override IEnumerable<PayloadFix> GetFixes(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(PayloadFixProperties.Replacement, out var bound) || bound is null)
        {
            yield break;
        }

        var parameter = diagnostic.Properties.TryGetValue(PayloadFixProperties.Parameter, out var name) ? name : "the value";
        var span = diagnostic.Location.SourceSpan;
        var json = PayloadEdits.IsJson(diagnostic);
        yield return new PayloadFix($"Clamp {parameter} to {bound}", nameof(ClampToRangeFixer), (document, ct) => PayloadEdits.ReplaceValueAsync(document, span, json, bound, "number", ct));
    }
}
