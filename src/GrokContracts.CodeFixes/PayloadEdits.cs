using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.CodeFixes;

/// <summary>
/// The edits every payload fix is made of, in both worlds: C# payloads are edited as syntax (trivia kept), JSON
/// payloads inside a string literal as text, re-encoded for the literal's kind (regular, verbatim, raw).
/// </summary>
internal static class PayloadEdits
{
    /// <summary>Whether the diagnostic is about JSON inside a string literal.</summary>
    public static bool IsJson(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(PayloadFixProperties.Context, out var context) && context == PayloadFixProperties.JsonContext;

    /// <summary>Whether <paramref name="span"/> lies within the text of one string literal token.</summary>
    public static bool IsInsideStringLiteral(SyntaxNode root, TextSpan span)
    {
        var token = root.FindToken(span.Start);
        return token.Span.Contains(span)
            && (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.Utf8StringLiteralToken)
                || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                || token.IsKind(SyntaxKind.Utf8SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.Utf8MultiLineRawStringLiteralToken));
    }

    /// <summary>Replaces the value at <paramref name="span"/> with a constant of the given JSON kind.</summary>
    public static async Task<Document> ReplaceValueAsync(Document document, TextSpan span, bool json, string value, string kind, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        if (json)
        {
            return await ReplaceJsonAsync(document, root, span, JsonText(value, kind), cancellationToken).ConfigureAwait(false);
        }

        if (root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
        {
            return document;
        }

        // FindNode may return an argument's parent: walk down to the expression that covers exactly the span.
        var replacement = CSharpExpression(value, kind).WithTriviaFrom(expression);
        return document.WithSyntaxRoot(root.ReplaceNode(expression, replacement));
    }

    /// <summary>Replaces source text inside a string literal with JSON text, encoded for that literal.</summary>
    public static async Task<Document> ReplaceJsonAsync(Document document, SyntaxNode root, TextSpan span, string jsonText, CancellationToken cancellationToken)
    {
        var token = root.FindToken(span.Start);
        if (!token.Span.Contains(span))
        {
            return document;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(span, EncodeForLiteral(token, jsonText))));
    }

    /// <summary>JSON text for a raw value of a kind (<c>string</c>, <c>number</c>, <c>boolean</c>, <c>array</c>).</summary>
    public static string JsonText(string value, string kind) => kind switch
    {
        "string" => JsonString(value),
        "array" => "[" + JsonString(value) + "]",
        _ => value,
    };

    /// <summary>A C# expression for a raw value of a kind.</summary>
    public static ExpressionSyntax CSharpExpression(string value, string kind) => kind switch
    {
        "string" => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)),
        "boolean" => SyntaxFactory.LiteralExpression(value == "true" ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression),
        "array" => SyntaxFactory.ParseExpression("new[] { " + SyntaxFactory.Literal(value).Text + " }"),
        _ => SyntaxFactory.ParseExpression(value),
    };

    /// <summary>A JSON string literal for <paramref name="value"/>.</summary>
    public static string JsonString(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// <paramref name="valueText"/> (characters of the literal's value) as they must be written inside
    /// <paramref name="literal"/>'s source: escaped in a regular literal, quotes doubled in a verbatim one, as-is in a raw one.
    /// </summary>
    public static string EncodeForLiteral(SyntaxToken literal, string valueText)
    {
        var text = literal.Text;
        if (text.StartsWith("\"\"\"", System.StringComparison.Ordinal))
        {
            return valueText;
        }

        if (text.StartsWith("@", System.StringComparison.Ordinal))
        {
            return valueText.Replace("\"", "\"\"");
        }

        // A regular literal: Roslyn's own escaping (quotes, backslashes and every control character), quotes stripped.
        var quoted = SymbolDisplay.FormatLiteral(valueText, quote: true);
        return quoted.Substring(1, quoted.Length - 2);
    }

    /// <summary>
    /// Removes the payload member <paramref name="member"/> (an anonymous-object declarator, an indexer or
    /// collection initializer entry) with its comma. A member on a line of its own takes the whole line with it
    /// (no blank line left behind); otherwise the syntax rewriter removes it and the neighbouring separator.
    /// </summary>
    public static Document RemoveMember(Document document, SyntaxNode root, SourceText text, SyntaxNode member)
    {
        // Remove the list element itself, never a node inside it that happens to share its span: a projection
        // initializer (new { nsfw_checker }) is a declarator whose expression has the same span, and a half-typed
        // ["x" (no "] = value" yet) is an assignment with the span of its bracketed argument list. Removing the inner
        // node leaves a node without a required child, and the syntax rewriter throws ArgumentNullException.
        var element = member.AncestorsAndSelf().FirstOrDefault(n => n.Parent is InitializerExpressionSyntax or AnonymousObjectCreationExpressionSyntax);
        if (element is null)
        {
            return document;
        }

        if (WholeLines(text, element) is { } lines)
        {
            return document.WithText(text.WithChanges(new TextChange(lines, string.Empty)));
        }

        // Same line as other code: RemoveNode takes the neighbouring separator with it and drops the member's own
        // indentation; the trailing trivia is kept so that removing the last member leaves "x }" rather than "x}".
        return document.WithSyntaxRoot(root.RemoveNode(element, SyntaxRemoveOptions.KeepTrailingTrivia) ?? root);
    }

    /// <summary>
    /// When <paramref name="element"/> (with its comma) is alone on its line, the text to delete: that line, or, for
    /// a last element without a trailing comma, the comma before it through the element. Null otherwise.
    /// </summary>
    private static TextSpan? WholeLines(SourceText text, SyntaxNode element)
    {
        var line = text.Lines.GetLineFromPosition(element.SpanStart);
        if (!IsBlank(text, line.Start, element.SpanStart))
        {
            return null;
        }

        var next = element.GetLastToken().GetNextToken();
        if (next.IsKind(SyntaxKind.CommaToken))
        {
            var end = text.Lines.GetLineFromPosition(next.Span.End);
            return end.LineNumber == line.LineNumber && IsBlank(text, next.Span.End, end.End)
                ? TextSpan.FromBounds(line.Start, end.EndIncludingLineBreak)
                : null;
        }

        // The last element, no trailing comma: keep its line break, remove the comma that announced it.
        var previous = element.GetFirstToken().GetPreviousToken();
        var after = text.Lines.GetLineFromPosition(element.Span.End);
        return previous.IsKind(SyntaxKind.CommaToken) && after.LineNumber == line.LineNumber && IsBlank(text, element.Span.End, after.End)
            ? TextSpan.FromBounds(previous.SpanStart, element.Span.End)
            : null;
    }

    private static bool IsBlank(SourceText text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Removes a JSON member (<paramref name="span"/> = name through value) from a string literal's source, with
    /// the comma that separates it from a neighbour and the whitespace before the member.
    /// </summary>
    public static async Task<Document> RemoveJsonMemberAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var literal = root.FindToken(span.Start).Span;
        if (!literal.Contains(span))
        {
            return document;
        }

        var source = text.ToString(literal);
        var start = span.Start - literal.Start;
        var end = span.End - literal.Start;

        var after = SkipSpace(source, end, +1);
        if (after < source.Length && source[after] == ',')
        {
            // Not the last member: remove it, its comma and the space up to the next member.
            end = SkipSpace(source, after + 1, +1);
        }
        else
        {
            // The last member: remove the comma before it instead.
            var before = SkipSpace(source, start - 1, -1);
            if (before >= 0 && source[before] == ',')
            {
                start = before;
            }
        }

        return document.WithText(text.WithChanges(new TextChange(TextSpan.FromBounds(literal.Start + start, literal.Start + end), string.Empty)));
    }

    private static int SkipSpace(string source, int index, int step)
    {
        while (index >= 0 && index < source.Length)
        {
            var c = source[index];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            {
                index += step;
                continue;
            }

            // Escaped whitespace inside a regular literal (\n, \r, \t).
            if (step > 0 && c == '\\' && index + 1 < source.Length && "nrt".IndexOf(source[index + 1]) >= 0)
            {
                index += 2;
                continue;
            }

            if (step < 0 && index > 0 && source[index - 1] == '\\' && "nrt".IndexOf(c) >= 0)
            {
                index -= 2;
                continue;
            }

            break;
        }

        return index;
    }

    /// <summary>The node whose span is exactly <paramref name="span"/>, or the innermost one containing it.</summary>
    public static SyntaxNode FindExact(SyntaxNode root, TextSpan span)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        return node.AncestorsAndSelf().FirstOrDefault(n => n.Span == span) ?? node;
    }
}
