using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Generators.Payload;

/// <summary>Turns the opaque <see cref="PayloadValue.Origin"/> of a payload value or property back into a source location.</summary>
internal abstract class OriginLocator
{
    /// <summary>The <see cref="PayloadFixProperties.Context"/> value of payloads read by this locator.</summary>
    public abstract string Context { get; }

    /// <summary>The location of a value or a property name.</summary>
    public abstract Location? Locate(object? origin);

    /// <summary>The location of a whole member (name and value), for removing it.</summary>
    public abstract Location? LocateMember(PayloadProperty property);
}

/// <summary>Origins are <see cref="SyntaxNode"/>s (C# payloads), or a <see cref="Location"/> for a run of <c>params</c> arguments.</summary>
internal sealed class SyntaxOriginLocator : OriginLocator
{
    public static readonly SyntaxOriginLocator Instance = new();

    public override string Context => PayloadFixProperties.CSharpContext;

    public override Location? Locate(object? origin) => origin switch
    {
        SyntaxNode node => node.GetLocation(),
        Location location => location,
        _ => null,
    };

    public override Location? LocateMember(PayloadProperty property)
    {
        for (var node = property.Origin as SyntaxNode; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AnonymousObjectMemberDeclaratorSyntax:
                case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax }:
                case InitializerExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.ComplexElementInitializerExpression }:
                    return node.GetLocation();
                case StatementSyntax:
                    return null;
            }
        }

        return null;
    }
}

/// <summary>Origins are <see cref="PayloadSpan"/>s inside one string literal (JSON payloads).</summary>
internal sealed class JsonLiteralLocator : OriginLocator
{
    private readonly SyntaxToken _literal;
    private readonly LiteralMap? _map;

    public JsonLiteralLocator(SyntaxToken literal)
    {
        _literal = literal;
        _map = LiteralMap.Create(literal);
    }

    public override string Context => PayloadFixProperties.JsonContext;

    public override Location? Locate(object? origin)
    {
        if (origin is PayloadSpan span && _map is not null)
        {
            return Location.Create(_literal.SyntaxTree!, _map.Map(span.Start, span.Length));
        }

        return _literal.GetLocation();
    }

    public override Location? LocateMember(PayloadProperty property)
    {
        if (_map is null || property.Origin is not PayloadSpan name || property.Value.Origin is not PayloadSpan value)
        {
            return null;
        }

        var start = _map.Map(name.Start, 0).Start;
        var end = _map.Map(value.Start + value.Length, 0).Start;
        return end > start ? Location.Create(_literal.SyntaxTree!, TextSpan.FromBounds(start, end)) : null;
    }
}

/// <summary>
/// Origins are <see cref="PayloadSpan"/>s inside a JSON constant folded from several pieces (<c>"{\"model\":" + "…"</c>,
/// <c>const</c> fields joined with <c>+</c>). A span inside one string literal piece maps to its exact characters;
/// one that crosses pieces, or lies in a piece that is not a literal (a <c>const</c> name), is reported on the whole
/// expression, where no fix is offered.
/// </summary>
internal sealed class ConcatenatedJsonLocator : OriginLocator
{
    private readonly ExpressionSyntax _expression;
    private readonly Piece[] _pieces;

    public ConcatenatedJsonLocator(ExpressionSyntax expression, Piece[] pieces)
    {
        _expression = expression;
        _pieces = pieces;
    }

    public override string Context => PayloadFixProperties.JsonContext;

    public override Location? Locate(object? origin) =>
        origin is PayloadSpan span && MapInOnePiece(span.Start, span.Start + span.Length) is { } mapped
            ? Location.Create(_expression.SyntaxTree, mapped)
            : _expression.GetLocation();

    public override Location? LocateMember(PayloadProperty property) =>
        property.Origin is PayloadSpan name && property.Value.Origin is PayloadSpan value
        && MapInOnePiece(name.Start, value.Start + value.Length) is { } mapped && mapped.Length > 0
            ? Location.Create(_expression.SyntaxTree, mapped)
            : null;

    private TextSpan? MapInOnePiece(int start, int end)
    {
        foreach (var piece in _pieces)
        {
            if (start >= piece.Offset && end <= piece.Offset + piece.Length)
            {
                return piece.Map?.Map(start - piece.Offset, end - start);
            }
        }

        return null;
    }

    /// <summary>One operand of the concatenation: where its text starts in the folded value, how long it is, and its literal map (null for a <c>const</c> name).</summary>
    internal sealed class Piece
    {
        public Piece(int offset, int length, LiteralMap? map)
        {
            Offset = offset;
            Length = length;
            Map = map;
        }

        public int Offset { get; }

        public int Length { get; }

        public LiteralMap? Map { get; }
    }
}
