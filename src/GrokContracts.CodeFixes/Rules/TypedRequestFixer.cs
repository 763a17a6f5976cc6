using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Generators;
using GrokContracts.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Simplification;

namespace GrokContracts.CodeFixes.Rules;

/// <summary>
/// GRK009: replaces an anonymous payload with the generated typed request
/// (<c>new VideoGenerationRequest("prompt", "https://…").WithDuration(5)</c>). The analyzer computes the expression
/// with <c>global::</c> names; the simplifier shortens them where a using directive allows.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TypedRequestFixer)), Shared]
public sealed class TypedRequestFixer : PayloadCodeFixProvider
{
    /// <summary>Creates the fixer (MEF does).</summary>
    public TypedRequestFixer()
        : base(PayloadDiagnosticIds.UseTypedRequest)
    {
    }

    private protected override IEnumerable<PayloadFix> GetFixes(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(PayloadFixProperties.Replacement, out var replacement) || replacement is null)
        {
            yield break;
        }

        var typeName = diagnostic.Properties.TryGetValue(PayloadFixProperties.RequestType, out var type) && type is not null
            ? type.Substring(type.LastIndexOf('.') + 1)
            : "the typed request";
        yield return new PayloadFix($"Use {typeName}", nameof(TypedRequestFixer), (document, ct) => ConvertAsync(document, diagnostic, replacement, ct));
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
