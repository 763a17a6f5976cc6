using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using GrokContracts.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace GrokContracts.CodeFixes.Rules;

/// <summary>GRK002: rewrites a constant as the JSON type the contract expects (<c>"8"</c> → <c>8</c>, <c>"false"</c> → <c>false</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConvertValueTypeFixer)), Shared]
public sealed class ConvertValueTypeFixer : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(PayloadDiagnosticIds.WrongType);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PayloadFixProperties.Replacement, out var value) || value is null
                || !diagnostic.Properties.TryGetValue(PayloadFixProperties.ReplacementKind, out var kind) || kind is null)
            {
                continue;
            }

            var json = PayloadEdits.IsJson(diagnostic);
            var shown = json ? PayloadEdits.JsonText(value, kind) : PayloadEdits.CSharpExpression(value, kind).ToString();
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Convert to {kind} {shown}",
                    ct => PayloadEdits.ReplaceValueAsync(context.Document, diagnostic.Location.SourceSpan, json, value, kind, ct),
                    equivalenceKey: nameof(ConvertValueTypeFixer)),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
