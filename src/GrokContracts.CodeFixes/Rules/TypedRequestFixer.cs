using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace GrokContracts.CodeFixes.Rules;

/// <summary>
/// GRK009: replaces an anonymous payload with the generated typed request
/// (<c>new VideoGenerationRequest("prompt", "https://…").WithDuration(5)</c>). The analyzer computes the expression
/// with <c>global::</c> names; the simplifier shortens them where a using directive allows.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TypedRequestFixer)), Shared]
public sealed class TypedRequestFixer : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(PayloadDiagnosticIds.UseTypedRequest);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PayloadFixProperties.Replacement, out var replacement) || replacement is null)
            {
                continue;
            }

            var typeName = diagnostic.Properties.TryGetValue(PayloadFixProperties.RequestType, out var type) && type is not null
                ? type.Substring(type.LastIndexOf('.') + 1)
                : "the typed request";
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use {typeName}",
                    ct => ConvertAsync(context.Document, diagnostic, replacement, ct),
                    equivalenceKey: nameof(TypedRequestFixer)),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> ConvertAsync(Document document, Diagnostic diagnostic, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var anonymous = root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<AnonymousObjectCreationExpressionSyntax>().FirstOrDefault();
        if (root is null || anonymous is null)
        {
            return document;
        }

        var expression = SyntaxFactory.ParseExpression(replacement)
            .WithTriviaFrom(anonymous)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(anonymous, expression));
    }
}
