using System.Collections.Generic;
using System.Composition;
using GrokContracts.Generators;
using GrokContracts.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace GrokContracts.CodeFixes.Rules;

/// <summary>GRK008: replaces a mistyped model id with the known contract's id.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModelIdFixer)), Shared]
public sealed class ModelIdFixer : PayloadCodeFixProvider
{
    /// <summary>Creates the fixer (MEF does).</summary>
    public ModelIdFixer()
        : base(PayloadDiagnosticIds.UnknownModel)
    {
    }

    private protected override IEnumerable<PayloadFix> GetFixes(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(PayloadFixProperties.Replacement, out var modelId) || modelId is null)
        {
            yield break;
        }

        var json = PayloadEdits.IsJson(diagnostic);
        var span = diagnostic.Location.SourceSpan;
        yield return new PayloadFix($"Use model \"{modelId}\"", nameof(ModelIdFixer), (document, ct) => PayloadEdits.ReplaceValueAsync(document, span, json, modelId, "string", ct));
    }
}
