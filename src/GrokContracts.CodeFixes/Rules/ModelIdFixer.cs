using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using GrokContracts.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace GrokContracts.CodeFixes.Rules;

/// <summary>GRK008: replaces a mistyped model id with the known contract's id.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModelIdFixer)), Shared]
public sealed class ModelIdFixer : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(PayloadDiagnosticIds.UnknownModel);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PayloadFixProperties.Replacement, out var modelId) || modelId is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use model \"{modelId}\"",
                    ct => PayloadEdits.ReplaceValueAsync(context.Document, diagnostic.Location.SourceSpan, PayloadEdits.IsJson(diagnostic), modelId, "string", ct),
                    equivalenceKey: nameof(ModelIdFixer)),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
