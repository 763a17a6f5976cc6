using System.Collections.Generic;
using System.Composition;
using GrokContracts.Generators;
using GrokContracts.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace GrokContracts.CodeFixes.Rules;

/// <summary>GRK002: rewrites a constant as the JSON type the contract expects (<c>"8"</c> → <c>8</c>, <c>"false"</c> → <c>false</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConvertValueTypeFixer)), Shared]
public sealed class ConvertValueTypeFixer : PayloadCodeFixProvider
{
    /// <summary>Creates the fixer (MEF does).</summary>
    public ConvertValueTypeFixer()
        : base(PayloadDiagnosticIds.WrongType)
    {
    }

    private protected override IEnumerable<PayloadFix> GetFixes(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(PayloadFixProperties.Replacement, out var value) || value is null
            || !diagnostic.Properties.TryGetValue(PayloadFixProperties.ReplacementKind, out var kind) || kind is null)
        {
            yield break;
        }

        var json = PayloadEdits.IsJson(diagnostic);
        var shown = json ? PayloadEdits.JsonText(value, kind) : PayloadEdits.CSharpExpression(value, kind).ToString();
        var span = diagnostic.Location.SourceSpan;
        yield return new PayloadFix($"Convert to {kind} {shown}", nameof(ConvertValueTypeFixer), (document, ct) => PayloadEdits.ReplaceValueAsync(document, span, json, value, kind, ct));
    }
}
