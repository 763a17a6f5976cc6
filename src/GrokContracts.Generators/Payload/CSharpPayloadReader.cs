using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GrokContracts.Generators.Payload;

/// <summary>
/// Turns C# expressions into the Spec library's payload view: constants (wherever C# folds them) become
/// strings, numbers, booleans and null; arrays, lists, collection expressions and JsonArray become arrays;
/// anonymous objects, dictionaries and JsonObject become objects; anything else is "present but unknown".
/// The <see cref="PayloadValue.Origin"/> of every value is its <see cref="SyntaxNode"/>; of every property, its name (or key) node.
/// </summary>
internal sealed class CSharpPayloadReader
{
    private const int MaxDepth = 8;

    private readonly SemanticModel _model;
    private readonly PayloadSymbols _symbols;
    private readonly CancellationToken _cancellationToken;

    public CSharpPayloadReader(SemanticModel model, PayloadSymbols symbols, CancellationToken cancellationToken)
    {
        _model = model;
        _symbols = symbols;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Syntax-only test: does this anonymous object have a member named <c>model</c>?</summary>
    public static bool HasModelMember(AnonymousObjectCreationExpressionSyntax node)
    {
        foreach (var member in node.Initializers)
        {
            if (MemberName(member) == "model")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Syntax-only test: does this initializer have a <c>["model"] = …</c> or <c>{ "model", … }</c> entry?</summary>
    public static bool HasModelKey(InitializerExpressionSyntax initializer)
    {
        foreach (var expression in initializer.Expressions)
        {
            if (KeyLiteral(expression) is { } key && key.Token.ValueText == "model")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The member name of an anonymous object member, declared or inferred (<c>new { model }</c>, <c>new { x.model }</c>, <c>new { x?.model }</c>).</summary>
    public static string? MemberName(AnonymousObjectMemberDeclaratorSyntax member)
    {
        if (member.NameEquals is { } nameEquals)
        {
            return nameEquals.Name.Identifier.ValueText;
        }

        return member.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax binding } => binding.Name.Identifier.ValueText, // new { x?.model }
            _ => null, // not a valid member without a name (CS0746): skipped
        };
    }

    public PayloadObject ReadAnonymousObject(AnonymousObjectCreationExpressionSyntax node, int depth = 0)
    {
        var properties = new List<PayloadProperty>(node.Initializers.Count);
        foreach (var member in node.Initializers)
        {
            var name = MemberName(member);
            if (name is null)
            {
                continue;
            }

            SyntaxNode nameNode = member.NameEquals is { } nameEquals ? nameEquals.Name : member.Expression;
            properties.Add(new PayloadProperty(name, Read(member.Expression, depth + 1), nameNode));
        }

        return new PayloadObject(properties, node);
    }

    /// <summary>
    /// The object of a dictionary-like initializer (<c>["k"] = v</c> and <c>{ "k", v }</c> entries), or null when an
    /// entry has a key that is not a constant string (the payload is then not understood well enough to judge).
    /// </summary>
    public PayloadObject? ReadDictionaryInitializer(InitializerExpressionSyntax initializer, SyntaxNode origin, int depth = 0)
    {
        var properties = new List<PayloadProperty>(initializer.Expressions.Count);
        foreach (var expression in initializer.Expressions)
        {
            ExpressionSyntax keyExpression;
            ExpressionSyntax valueExpression;
            switch (expression)
            {
                case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } arguments } } assignment:
                    keyExpression = arguments[0].Expression;
                    valueExpression = assignment.Right;
                    break;
                case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression, Expressions: { Count: 2 } pair }:
                    keyExpression = pair[0];
                    valueExpression = pair[1];
                    break;
                default:
                    return null;
            }

            if (_model.GetConstantValue(keyExpression, _cancellationToken) is not { HasValue: true, Value: string key })
            {
                return null;
            }

            properties.Add(new PayloadProperty(key, Read(valueExpression, depth + 1), keyExpression));
        }

        return new PayloadObject(properties, origin);
    }

    /// <summary>Whether <paramref name="type"/> is a string-keyed dictionary or a JsonObject.</summary>
    public bool IsDictionaryLike(ITypeSymbol? type) => _symbols.IsDictionaryLike(type);

    public PayloadValue Read(ExpressionSyntax expression, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return new PayloadUnknown(expression);
        }

        var inner = expression;
        while (true)
        {
            if (inner is ParenthesizedExpressionSyntax parenthesized)
            {
                inner = parenthesized.Expression;
            }
            else if (inner is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed)
            {
                inner = suppressed.Operand;
            }
            else if (inner is CastExpressionSyntax cast
                && (cast.Expression is CollectionExpressionSyntax || _model.GetConstantValue(cast.Expression, _cancellationToken).HasValue))
            {
                // (object)8, (JsonNode)"x", (string[])["a"]: the value on the wire is the operand's.
                inner = cast.Expression;
            }
            else
            {
                break;
            }
        }

        var constant = _model.GetConstantValue(inner, _cancellationToken);
        if (constant.HasValue)
        {
            return FromConstant(constant.Value, expression);
        }

        if (JsonValueCreateArgument(inner) is { } argument)
        {
            // JsonValue.Create(20): the value on the wire is the argument's, and so is the place to report and fix.
            return Read(argument, depth + 1);
        }

        switch (inner)
        {
            case AnonymousObjectCreationExpressionSyntax anonymous:
                return ReadAnonymousObject(anonymous, depth);
            case ImplicitArrayCreationExpressionSyntax implicitArray:
                return ReadItems(implicitArray.Initializer.Expressions, expression, depth);
            case ArrayCreationExpressionSyntax { Initializer: { } arrayInitializer }:
                return ReadItems(arrayInitializer.Expressions, expression, depth);
            case CollectionExpressionSyntax collection:
                var items = new List<PayloadValue>(collection.Elements.Count);
                foreach (var element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax item)
                    {
                        return new PayloadUnknown(expression);
                    }

                    items.Add(Read(item.Expression, depth + 1));
                }

                return new PayloadArray(items, expression);
            case BaseObjectCreationExpressionSyntax creation:
                return ReadCreation(creation, expression, depth);
            default:
                return new PayloadUnknown(expression);
        }
    }

    /// <summary>The argument of <c>JsonValue.Create(x)</c> (any overload, one argument), else null. Syntax first: only a call named <c>Create</c> is bound.</summary>
    private ExpressionSyntax? JsonValueCreateArgument(ExpressionSyntax expression)
    {
        if (expression is not InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } invocation
            || arguments[0].NameColon is not null
            || !arguments[0].RefKindKeyword.IsKind(SyntaxKind.None)
            || invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Create" })
        {
            return null;
        }

        return _model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol { IsStatic: true } method && _symbols.IsJsonValue(method.ContainingType)
            ? arguments[0].Expression
            : null;
    }

    private PayloadValue ReadCreation(BaseObjectCreationExpressionSyntax creation, ExpressionSyntax origin, int depth)
    {
        var type = _model.GetTypeInfo(creation, _cancellationToken).Type;
        if (creation.Initializer is { } initializer)
        {
            if (_symbols.IsDictionaryLike(type))
            {
                return (PayloadValue?)ReadDictionaryInitializer(initializer, origin, depth) ?? new PayloadUnknown(origin);
            }

            if (initializer.IsKind(SyntaxKind.CollectionInitializerExpression) && (creation.ArgumentList is null || creation.ArgumentList.Arguments.Count == 0))
            {
                // new List<string> { … }, new JsonArray { … }
                return ReadItems(initializer.Expressions, origin, depth);
            }

            return new PayloadUnknown(origin);
        }

        if (_symbols.IsJsonArray(type) && creation.ArgumentList is { } arguments)
        {
            // new JsonArray("a", "b") (params JsonNode?[])
            var items = new List<PayloadValue>(arguments.Arguments.Count);
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameColon is not null)
                {
                    return new PayloadUnknown(origin);
                }

                items.Add(Read(argument.Expression, depth + 1));
            }

            return new PayloadArray(items, origin);
        }

        return new PayloadUnknown(origin);
    }

    private PayloadArray ReadItems(SeparatedSyntaxList<ExpressionSyntax> expressions, ExpressionSyntax origin, int depth)
    {
        var items = new List<PayloadValue>(expressions.Count);
        foreach (var item in expressions)
        {
            items.Add(Read(item, depth + 1));
        }

        return new PayloadArray(items, origin);
    }

    /// <summary>The payload view of a C# constant as System.Text.Json would write it.</summary>
    public static PayloadValue FromConstant(object? value, object origin) => value switch
    {
        null => new PayloadNull(origin),
        string s => new PayloadString(s, origin),
        char c => new PayloadString(c.ToString(), origin),
        bool b => new PayloadBoolean(b, origin),
        int or long or short or sbyte or byte or ushort or uint or ulong =>
            new PayloadNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture), Convert.ToString(value, CultureInfo.InvariantCulture), origin),
        decimal m => new PayloadNumber((double)m, m.ToString(CultureInfo.InvariantCulture), origin),
        double d when !double.IsNaN(d) && !double.IsInfinity(d) => new PayloadNumber(d, null, origin),
        float f when !float.IsNaN(f) && !float.IsInfinity(f) => new PayloadNumber(f, f.ToString("R", CultureInfo.InvariantCulture), origin),
        _ => new PayloadUnknown(origin),
    };

    /// <summary>The literal of a <c>["k"] = v</c> / <c>{ "k", v }</c> entry's key, syntax only.</summary>
    public static LiteralExpressionSyntax? KeyLiteral(ExpressionSyntax entry) => entry switch
    {
        AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } arguments } }
            when arguments[0].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) => literal,
        InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression, Expressions: { Count: 2 } pair }
            when pair[0] is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) => literal,
        _ => null,
    };
}
