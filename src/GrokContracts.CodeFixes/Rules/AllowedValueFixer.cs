using System.Collections.Generic;
using System.Composition;
using GrokContracts.Generators;
using GrokContracts.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace GrokContracts.CodeFixes.Rules;

/// <summary>
/// GRK003: one action per allowed value, the spec default first. The first action's equivalence key means "use the
/// parameter's default", so Fix All applies each diagnostic's own default; the others mean "use this exact value".
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AllowedValueFixer)), Shared]
public sealed class AllowedValueFixer : PayloadCodeFixProvider
{
    /// <summary>Creates the fixer (MEF does).</summary>
    public AllowedValueFixer()
        : base(PayloadDiagnosticIds.NotAllowed)
    {
    }

    /// <summary>Equivalence key of the first (default) action.</summary>
    public const string DefaultValueKey = nameof(AllowedValueFixer) + ".Default";

    private protected override IEnumerable<PayloadFix> GetFixes(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(PayloadFixProperties.AllowedValues, out var joined) || string.IsNullOrEmpty(joined))
        {
            yield break;
        }

        var json = PayloadEdits.IsJson(diagnostic);
        var span = diagnostic.Location.SourceSpan;
        var values = joined!.Split('\n');
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            yield return new PayloadFix(
                $"Use \"{value}\"",
                i == 0 ? DefaultValueKey : nameof(AllowedValueFixer) + "." + value,
                (document, ct) => PayloadEdits.ReplaceValueAsync(document, span, json, value, "string", ct));
        }
    }
}
