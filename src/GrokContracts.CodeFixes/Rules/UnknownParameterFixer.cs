using System.Collections.Generic;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Generators;
using GrokContracts.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;

namespace GrokContracts.CodeFixes.Rules;

/// <summary>
/// GRK007: renames a parameter the contract lacks to the closest one it has when the match is good (at most two
/// edits, ignoring case; see docs/rules/GRK007.md), else removes the member.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownParameterFixer)), Shared]
public sealed class UnknownParameterFixer : PayloadCodeFixProvider
{
    /// <summary>Creates the fixer (MEF does).</summary>
    public UnknownParameterFixer()
        : base(PayloadDiagnosticIds.UnknownParameter)
    {
    }

    private protected override IEnumerable<PayloadFix> GetFixes(Diagnostic diagnostic)
    {
        var parameter = diagnostic.Properties.TryGetValue(PayloadFixProperties.Parameter, out var name) ? name : "the parameter";
        if (diagnostic.Properties.TryGetValue(PayloadFixProperties.RenameTo, out var renameTo) && renameTo is not null)
        {
            yield return new PayloadFix($"Rename {parameter} to {renameTo}", nameof(UnknownParameterFixer), (document, ct) => RenameAsync(document, diagnostic, renameTo, ct));
        }
        else if (diagnostic.AdditionalLocations.Count > 0)
        {
            yield return new PayloadFix($"Remove {parameter}", nameof(UnknownParameterFixer), (document, ct) => RemoveAsync(document, diagnostic, ct));
        }
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

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return PayloadEdits.RemoveMember(document, root, text, PayloadEdits.FindExact(root, span));
    }
}
