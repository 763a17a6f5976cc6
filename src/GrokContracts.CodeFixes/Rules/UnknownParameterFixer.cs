using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GrokContracts.CodeFixes.Rules;

/// <summary>
/// GRK007: renames a parameter the contract lacks to the closest one it has when the match is good (at most two
/// edits, ignoring case; see docs/rules/GRK007.md), else removes the member.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownParameterFixer)), Shared]
public sealed class UnknownParameterFixer : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(PayloadDiagnosticIds.UnknownParameter);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var parameter = diagnostic.Properties.TryGetValue(PayloadFixProperties.Parameter, out var name) ? name : "the parameter";
            if (diagnostic.Properties.TryGetValue(PayloadFixProperties.RenameTo, out var renameTo) && renameTo is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Rename {parameter} to {renameTo}",
                        ct => RenameAsync(context.Document, diagnostic, renameTo, ct),
                        equivalenceKey: nameof(UnknownParameterFixer)),
                    diagnostic);
            }
            else if (diagnostic.AdditionalLocations.Count > 0)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Remove {parameter}",
                        ct => RemoveAsync(context.Document, diagnostic, ct),
                        equivalenceKey: nameof(UnknownParameterFixer)),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> RenameAsync(Document document, Diagnostic diagnostic, string renameTo, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var span = diagnostic.Location.SourceSpan;
        if (PayloadEdits.IsJson(diagnostic))
        {
            return await PayloadEdits.ReplaceJsonAsync(document, root, span, PayloadEdits.JsonString(renameTo), cancellationToken).ConfigureAwait(false);
        }

        var node = PayloadEdits.FindExact(root, span);
        switch (node)
        {
            case IdentifierNameSyntax { Parent: NameEqualsSyntax } identifier:
                return document.WithSyntaxRoot(root.ReplaceToken(identifier.Identifier, SyntaxFactory.Identifier(renameTo).WithTriviaFrom(identifier.Identifier)));
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return document.WithSyntaxRoot(root.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(renameTo)).WithTriviaFrom(literal)));
            case ExpressionSyntax inferred when inferred.Parent is AnonymousObjectMemberDeclaratorSyntax { NameEquals: null } declarator:
                // new { nsfw } -> new { renamed = nsfw }
                var named = declarator.WithNameEquals(SyntaxFactory.NameEquals(renameTo).WithLeadingTrivia(declarator.GetLeadingTrivia()))
                    .WithExpression(inferred.WithoutLeadingTrivia());
                return document.WithSyntaxRoot(root.ReplaceNode(declarator, named));
            default:
                return document;
        }
    }

    private static async Task<Document> RemoveAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var span = diagnostic.AdditionalLocations[0].SourceSpan;
        if (PayloadEdits.IsJson(diagnostic))
        {
            return await PayloadEdits.RemoveJsonMemberAsync(document, span, cancellationToken).ConfigureAwait(false);
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var member = PayloadEdits.FindExact(root, span);
        return document.WithSyntaxRoot(PayloadEdits.RemoveMember(root, member));
    }
}
