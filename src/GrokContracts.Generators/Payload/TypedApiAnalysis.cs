using System;
using System.Collections.Generic;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Generators.Payload;

/// <summary>
/// Context 5, the generated typed API: constant arguments to a request's constructor and <c>With…</c> methods, and
/// <c>XxxWire.Parse("…")</c>, judged parameter by parameter with <see cref="ContractRules.CheckParameter"/>.
/// Types are recognised by full name (namespace + <c>requestType</c> / <c>EnumWire</c>), the generator's own naming.
/// </summary>
internal sealed class TypedApiAnalysis
{
    private readonly KnownContracts _contracts;
    private readonly PayloadSymbols _symbols;

    public TypedApiAnalysis(KnownContracts contracts, PayloadSymbols symbols)
    {
        _contracts = contracts;
        _symbols = symbols;
    }

    /// <summary><c>request.WithDuration(20)</c>, <c>AspectRatioWire.Parse("auto")</c>.</summary>
    public void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        if (invocation.ArgumentList.Arguments.Count == 0 || invocation.Expression is not MemberAccessExpressionSyntax access)
        {
            return;
        }

        // Syntax only, before anything is bound: a With… method of a non-enum parameter of some contract, or
        // Parse/TryParse on a receiver named like a generated …Wire class (int.Parse and friends are never bound).
        var name = access.Name.Identifier.ValueText;
        var isWith = _contracts.IsCheckedWithMethod(name);
        if (!isWith && !((name == "Parse" || name == "TryParse") && IsWireReceiver(access.Expression)))
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method)
        {
            return;
        }

        var typeName = FullName(method.ContainingType);
        if (isWith)
        {
            if (_contracts.FindByRequestType(typeName) is not { } contract)
            {
                return;
            }

            foreach (var parameter in contract.Parameters)
            {
                if (ContractNaming.WithMethodName(parameter) == name && !ContractNaming.IsEnum(parameter))
                {
                    Check(context, contract, parameter, method, invocation.ArgumentList, 0);
                    return;
                }
            }
        }
        else if (_contracts.FindByWireType(typeName) is { } wire && method.Parameters.Length > 0 && method.Parameters[0].Type.SpecialType == SpecialType.System_String)
        {
            var argument = invocation.ArgumentList.Arguments[0];
            var reader = new CSharpPayloadReader(context.SemanticModel, _symbols, context.CancellationToken);
            if (reader.Read(argument.Expression) is PayloadString value)
            {
                Report(context, wire.Contract, wire.Parameter, value);
            }
        }
    }

    /// <summary><c>new VideoGenerationRequest("", "data:…")</c>, also target-typed <c>new("", …)</c>.</summary>
    public void AnalyzeCreation(SyntaxNodeAnalysisContext context)
    {
        var creation = (BaseObjectCreationExpressionSyntax)context.Node;
        if (creation.ArgumentList is not { Arguments.Count: > 0 } arguments)
        {
            return;
        }

        if (creation is ObjectCreationExpressionSyntax explicitCreation
            ? !_contracts.IsGeneratedTypeName(SimpleName(explicitCreation.Type))
            : !HasLiteralArgument(arguments))
        {
            // Syntax only: a request type by name, or a target-typed new(…) with a literal argument to judge.
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(creation, context.CancellationToken).Symbol is not IMethodSymbol constructor
            || _contracts.FindByRequestType(FullName(constructor.ContainingType)) is not { } contract)
        {
            return;
        }

        for (var i = 0; i < constructor.Parameters.Length; i++)
        {
            var argumentName = constructor.Parameters[i].Name;
            foreach (var parameter in contract.Parameters)
            {
                if (string.Equals(ContractNaming.ArgumentName(parameter), argumentName, StringComparison.Ordinal) && !ContractNaming.IsEnum(parameter))
                {
                    Check(context, contract, parameter, constructor, arguments, i);
                    break;
                }
            }
        }
    }

    private void Check(SyntaxNodeAnalysisContext context, Contract contract, Parameter parameter, IMethodSymbol method, BaseArgumentListSyntax arguments, int ordinal)
    {
        var methodParameter = method.Parameters[ordinal];
        var reader = new CSharpPayloadReader(context.SemanticModel, _symbols, context.CancellationToken);
        var matched = new List<ArgumentSyntax>();
        for (var i = 0; i < arguments.Arguments.Count; i++)
        {
            var argument = arguments.Arguments[i];
            var position = argument.NameColon is { } nameColon
                ? IndexOf(method, nameColon.Name.Identifier.ValueText)
                : Math.Min(i, method.Parameters.Length - 1);
            if (position == ordinal && (argument.NameColon is not null || i >= ordinal))
            {
                matched.Add(argument);
            }
        }

        if (matched.Count == 0)
        {
            return;
        }

        PayloadValue value;
        var expanded = methodParameter.IsParams && !(matched.Count == 1 && IsArrayArgument(context, matched[0], methodParameter));
        if (expanded)
        {
            // params string[] in expanded form: the arguments are the array's items.
            var items = new List<PayloadValue>(matched.Count);
            foreach (var argument in matched)
            {
                items.Add(reader.Read(argument.Expression));
            }

            var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(matched[0].Span.Start, matched[matched.Count - 1].Span.End);
            value = new PayloadArray(items, Location.Create(arguments.SyntaxTree, span));
        }
        else
        {
            value = reader.Read(matched[0].Expression);
        }

        Report(context, contract, parameter, value);
    }

    private static void Report(SyntaxNodeAnalysisContext context, Contract contract, Parameter parameter, PayloadValue value)
    {
        PayloadChecker.CheckParameter(contract, parameter, value, SyntaxOriginLocator.Instance, context.ReportDiagnostic);
    }

    private static bool IsArrayArgument(SyntaxNodeAnalysisContext context, ArgumentSyntax argument, IParameterSymbol parameter) =>
        context.SemanticModel.GetTypeInfo(argument.Expression, context.CancellationToken).ConvertedType is { } type
        && SymbolEqualityComparer.Default.Equals(type, parameter.Type);

    private static int IndexOf(IMethodSymbol method, string name)
    {
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            if (method.Parameters[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasLiteralArgument(ArgumentListSyntax arguments)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (argument.Expression is LiteralExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rightmost simple name of a type or receiver: <c>AspectRatioWire</c> of <c>Ns.AspectRatioWire</c>, <c>global::…</c> or <c>x.AspectRatioWire</c>.</summary>
    private static string SimpleName(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => string.Empty,
    };

    /// <summary>A receiver named like a generated <c>…Wire</c> class, directly or through a <c>using</c> alias of this file.</summary>
    private bool IsWireReceiver(ExpressionSyntax receiver) =>
        _contracts.IsWireClassName(SimpleName(receiver))
        || (receiver is IdentifierNameSyntax identifier && AliasTarget(identifier) is { } target && _contracts.IsWireClassName(target));

    /// <summary>The simple name a <c>using Alias = …;</c> in scope (this file's, its namespaces') gives <paramref name="identifier"/>.</summary>
    private static string? AliasTarget(IdentifierNameSyntax identifier)
    {
        var alias = identifier.Identifier.ValueText;
        for (var node = identifier.Parent; node is not null; node = node.Parent)
        {
            var usings = node switch
            {
                CompilationUnitSyntax unit => unit.Usings,
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                _ => default,
            };
            foreach (var directive in usings)
            {
                if (directive.Alias is { } name && name.Name.Identifier.ValueText == alias && directive.Name is { } target)
                {
                    return SimpleName(target);
                }
            }
        }

        return null;
    }

    private static string FullName(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.Name : type.Name;
}
