using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using GrokContracts.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace GrokContracts.CodeFixes.Rules;

/// <summary>GRK001: clamps an out-of-range number to the nearest bound of the contract's range.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClampToRangeFixer)), Shared]
public sealed class ClampToRangeFixer : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(PayloadDiagnosticIds.OutOfRange);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PayloadFixProperties.Replacement, out var bound) || bound is null)
            {
                continue;
            }

            var parameter = diagnostic.Properties.TryGetValue(PayloadFixProperties.Parameter, out var name) ? name : "the value";
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Clamp {parameter} to {bound}",
                    ct => PayloadEdits.ReplaceValueAsync(context.Document, diagnostic.Location.SourceSpan, PayloadEdits.IsJson(diagnostic), bound, "number", ct),
                    equivalenceKey: nameof(ClampToRangeFixer)),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
