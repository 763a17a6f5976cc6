using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.CodeFixes;

/// <summary>
/// What every payload fixer shares: one diagnostic id, code actions built from the diagnostic's properties, and a
/// Fix All that applies the same choice to every diagnostic of a document. A fixer only says which fixes a
/// diagnostic offers (<see cref="GetFixes"/>).
/// </summary>
/// <remarks>
/// Fix All is document-based rather than Roslyn's batch fixer, for two reasons. Edits are applied one after the
/// other, from the end of the document backwards, so each sees the text the previous ones left (no merge conflicts
/// between fixes in one payload). And a fix-all request without an equivalence key takes each diagnostic's first
/// fix: <c>dotnet format analyzers</c> asks for the key with the first diagnostic of any fixed id it holds, and
/// when that one belongs to another rule of our single analyzer (GRK001 while fixing GRK003) it gets no action and
/// passes a null key — a batch fixer then finds nothing and reports "didn't return a Fix All action".
/// </remarks>
public abstract class PayloadCodeFixProvider : CodeFixProvider
{
    private readonly FixAllProvider _fixAll;

    private protected PayloadCodeFixProvider(string diagnosticId)
    {
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
        _fixAll = FixAllProvider.Create(FixAllInDocumentAsync);
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => _fixAll;

    /// <inheritdoc />
    public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!IsFixable(diagnostic))
            {
                continue;
            }

            foreach (var fix in GetFixes(diagnostic))
            {
                var document = context.Document;
                context.RegisterCodeFix(CodeAction.Create(fix.Title, ct => fix.ApplyAsync(document, ct), fix.EquivalenceKey), diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The fixes <paramref name="diagnostic"/> offers, the one Fix All takes by default first; none when its properties are missing.</summary>
    private protected abstract IEnumerable<PayloadFix> GetFixes(Diagnostic diagnostic);

    private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var key = context.CodeActionEquivalenceKey;
        var current = document;
        var editedFrom = int.MaxValue;
        foreach (var diagnostic in diagnostics.Where(IsFixable).OrderByDescending(d => d.Location.SourceSpan.Start))
        {
            // Everything a fix may touch lies in the diagnostic's locations; skip one that overlaps an edit already made.
            var span = Extent(diagnostic);
            if (span.End > editedFrom)
            {
                continue;
            }

            var fix = GetFixes(diagnostic).FirstOrDefault(f => key is null || string.Equals(f.EquivalenceKey, key, StringComparison.Ordinal));
            if (fix is null)
            {
                continue;
            }

            current = await fix.ApplyAsync(current, context.CancellationToken).ConfigureAwait(false);
            editedFrom = span.Start;
        }

        return current;
    }

    /// <summary>
    /// One of ours, and, for JSON, located inside one string literal: a JSON value folded from several pieces
    /// (<c>"{…" + Name + "…}"</c>) whose mistake crosses pieces or lies in a <c>const</c> is reported on the whole
    /// expression, and there is no text to edit.
    /// </summary>
    private bool IsFixable(Diagnostic diagnostic)
    {
        if (!FixableDiagnosticIds.Contains(diagnostic.Id))
        {
            return false;
        }

        if (!PayloadEdits.IsJson(diagnostic) || diagnostic.Location.SourceTree is not { } tree)
        {
            return true;
        }

        var root = tree.GetRoot();
        foreach (var location in new[] { diagnostic.Location }.Concat(diagnostic.AdditionalLocations))
        {
            if (location.IsInSource && location.SourceTree == tree && !PayloadEdits.IsInsideStringLiteral(root, location.SourceSpan))
            {
                return false;
            }
        }

        return true;
    }

    private static TextSpan Extent(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        foreach (var location in diagnostic.AdditionalLocations)
        {
            if (location.IsInSource && location.SourceTree == diagnostic.Location.SourceTree)
            {
                span = TextSpan.FromBounds(Math.Min(span.Start, location.SourceSpan.Start), Math.Max(span.End, location.SourceSpan.End));
            }
        }

        return span;
    }
}

/// <summary>One fix a diagnostic offers: the light-bulb title, the Fix All equivalence key and the edit.</summary>
internal sealed class PayloadFix
{
    private readonly Func<Document, CancellationToken, Task<Document>> _apply;

    public PayloadFix(string title, string equivalenceKey, Func<Document, CancellationToken, Task<Document>> apply)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        _apply = apply;
    }

    public string Title { get; }

    public string EquivalenceKey { get; }

    public Task<Document> ApplyAsync(Document document, CancellationToken cancellationToken) => _apply(document, cancellationToken);
}
