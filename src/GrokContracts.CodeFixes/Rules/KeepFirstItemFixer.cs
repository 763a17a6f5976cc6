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

namespace GrokContracts.CodeFixes.Rules;

/// <summary>GRK006: keeps the first entry of an array that has more than the contract allows.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepFirstItemFixer)), Shared]
public sealed class KeepFirstItemFixer : PayloadCodeFixProvider
{
    /// <summary>Creates the fixer (MEF does).</summary>
    public KeepFirstItemFixer()
        : base(PayloadDiagnosticIds.TooManyItems)
    {
    }

    private protected override IEnumerable<PayloadFix> GetFixes(Diagnostic diagnostic)
    {
        if (diagnostic.AdditionalLocations.Count == 0)
        {
            yield break;
        }

        var parameter = diagnostic.Properties.TryGetValue(PayloadFixProperties.Parameter, out var name) ? name : "the array";
        yield return new PayloadFix($"Keep only the first entry of {parameter}", nameof(KeepFirstItemFixer), (document, ct) => KeepFirstAsync(document, diagnostic, ct));
    }

    private static async Task<Document> KeepFirstAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var arraySpan = diagnostic.Location.SourceSpan;
        var firstSpan = diagnostic.AdditionalLocations[0].SourceSpan;
        if (PayloadEdits.IsJson(diagnostic))
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var first = text.ToString(firstSpan);

            // The first item's source text is already encoded for this literal; only the brackets are new.
            return document.WithText(text.WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(arraySpan, "[" + first + "]")));
        }

        var node = PayloadEdits.FindExact(root, arraySpan);
        if (node is BaseArgumentListSyntax argumentList)
        {
            // params string[] in expanded form: the diagnostic spans the items; keep the first argument among them.
            var extra = argumentList.Arguments.Where(a => arraySpan.Contains(a.Span) && a.SpanStart > firstSpan.Start).ToList();
            return document.WithSyntaxRoot(root.RemoveNodes(extra, SyntaxRemoveOptions.KeepNoTrivia) ?? root);
        }

        SyntaxNode? replacement = node switch
        {
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.WithInitializer(KeepFirst(implicitArray.Initializer)),
            ArrayCreationExpressionSyntax { Initializer: { } initializer } array => array.WithInitializer(KeepFirst(initializer)),
            CollectionExpressionSyntax collection => collection.WithElements(KeepFirst(collection.Elements)),
            BaseObjectCreationExpressionSyntax { Initializer: { } initializer } creation => creation.WithInitializer(KeepFirst(initializer)),
            BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } creation => creation.WithArgumentList(arguments.WithArguments(KeepFirst(arguments.Arguments))),
            _ => null,
        };

        return replacement is null ? document : document.WithSyntaxRoot(root.ReplaceNode(node, replacement));
    }

    private static InitializerExpressionSyntax KeepFirst(InitializerExpressionSyntax initializer) =>
        initializer.WithExpressions(KeepFirst(initializer.Expressions));

    private static SeparatedSyntaxList<T> KeepFirst<T>(SeparatedSyntaxList<T> list)
        where T : SyntaxNode
    {
        if (list.Count < 2)
        {
            return list;
        }

        if (list.SeparatorCount == list.Count)
        {
            // Trailing comma style: keep "first," as it was.
            return SyntaxFactory.SeparatedList(new[] { list[0] }, new[] { list.GetSeparator(0) });
        }

        return SyntaxFactory.SeparatedList(new[] { list[0].WithTrailingTrivia(list[list.Count - 1].GetTrailingTrivia()) });
    }
}
