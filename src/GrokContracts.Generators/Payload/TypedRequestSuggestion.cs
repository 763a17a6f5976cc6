using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using GrokContracts.Generators.Diagnostics;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Generators.Payload;

/// <summary>
/// GRK009: an anonymous payload that breaks no rule of its contract, whose generated request type is in the
/// compilation, and whose every value can be written through the typed API. The diagnostic carries the replacement
/// expression (<c>new global::Ns.VideoGenerationRequest(…).WithDuration(5)</c>) so the fix does not redo the analysis.
/// </summary>
internal static class TypedRequestSuggestion
{
    /// <summary>GRK009 on an anonymous payload, with the replacement expression its fix writes.</summary>
    public static void Report(SyntaxNodeAnalysisContext context, AnonymousObjectCreationExpressionSyntax node, PayloadObject payload, Contract contract, KnownContracts contracts, PayloadSymbols symbols) =>
        Report(context.ReportDiagnostic, node.NewKeyword.GetLocation(), SyntaxOriginLocator.Instance, payload, contract, contracts, symbols, fixable: true);

    /// <summary>
    /// GRK009 on a dictionary, <c>JsonObject</c> or JSON-literal payload at <paramref name="location"/>. No fix: the
    /// expression's type would change from a dictionary or a string to the request, which the code around it
    /// (serializing it, sending it as content) does not expect; docs/rules/GRK009.md shows the rewrite.
    /// </summary>
    public static void Report(Action<Diagnostic> report, Location location, OriginLocator locator, PayloadObject payload, Contract contract, KnownContracts contracts, PayloadSymbols symbols) =>
        Report(report, location, locator, payload, contract, contracts, symbols, fixable: false);

    private static void Report(Action<Diagnostic> report, Location location, OriginLocator locator, PayloadObject payload, Contract contract, KnownContracts contracts, PayloadSymbols symbols, bool fixable)
    {
        var ns = contracts.Namespace(contract);
        var typeName = ns + "." + contract.RequestTypeName;
        if (!symbols.HasType(typeName))
        {
            return;
        }

        var expression = BuildExpression(payload, contract, "global::" + ns);
        if (expression is null)
        {
            return;
        }

        var properties = PayloadChecker.Properties(locator).Add(PayloadFixProperties.RequestType, "global::" + typeName);
        if (fixable)
        {
            properties = properties.Add(PayloadFixProperties.Replacement, expression);
        }

        report(Diagnostic.Create(
            DiagnosticDescriptors.UseTypedRequest,
            location,
            properties,
            $"This {contract.ModelId} payload can be the generated typed request {contract.RequestTypeName}, checked at compile time"));
    }

    /// <summary>The typed-API expression for <paramref name="payload"/>, or null when a value cannot be expressed (not a constant, an unknown member).</summary>
    internal static string? BuildExpression(PayloadObject payload, Contract contract, string globalNamespace)
    {
        var ctorArguments = new List<string>();
        foreach (var parameter in contract.Parameters)
        {
            if (!parameter.Required)
            {
                continue;
            }

            if (FindLast(payload, parameter.Name) is not { } value || Arguments(value, parameter, globalNamespace) is not { } text)
            {
                return null;
            }

            ctorArguments.Add(text);
        }

        var builder = new StringBuilder("new ").Append(globalNamespace).Append('.').Append(contract.RequestTypeName)
            .Append('(').Append(string.Join(", ", ctorArguments)).Append(')');
        foreach (var property in payload.Properties)
        {
            if (property.Name == "model")
            {
                continue;
            }

            var parameter = contract.FindParameter(property.Name);
            if (parameter is null)
            {
                return null;
            }

            if (parameter.Required)
            {
                continue;
            }

            if (Arguments(property.Value, parameter, globalNamespace) is not { } text)
            {
                return null;
            }

            builder.Append('.').Append(ContractNaming.WithMethodName(parameter)).Append('(').Append(text).Append(')');
        }

        return builder.ToString();
    }

    private static PayloadValue? FindLast(PayloadObject payload, string name)
    {
        for (var i = payload.Properties.Count - 1; i >= 0; i--)
        {
            if (payload.Properties[i].Name == name)
            {
                return payload.Properties[i].Value;
            }
        }

        return null;
    }

    /// <summary>Argument text: the original expression for constants (so <c>const</c> names survive), enum members for allowed values.</summary>
    private static string? Arguments(PayloadValue value, Parameter parameter, string globalNamespace)
    {
        switch (value)
        {
            case PayloadString s when parameter.Type == ParameterType.String && parameter.EnumName is { } enumName && parameter.FindAllowedValue(s.Value) is { } allowed:
                return globalNamespace + "." + enumName + "." + allowed.MemberName;
            case PayloadString s when parameter.Type == ParameterType.String && parameter.AllowedValues.Count == 0:
                return Text(s) ?? SymbolDisplay.FormatLiteral(s.Value, quote: true);
            case PayloadNumber n when parameter.Type is ParameterType.Integer or ParameterType.Number:
                return Text(n) ?? n.Text;
            case PayloadBoolean b when parameter.Type == ParameterType.Boolean:
                return Text(b) ?? (b.Value ? "true" : "false");
            case PayloadArray a when parameter.Type == ParameterType.StringArray:
                var items = new List<string>(a.Items.Count);
                foreach (var item in a.Items)
                {
                    if (item is not PayloadString s)
                    {
                        return null;
                    }

                    items.Add(Text(s) ?? SymbolDisplay.FormatLiteral(s.Value, quote: true));
                }

                return items.Count == 0 ? null : string.Join(", ", items);
            default:
                return null;
        }
    }

    private static string? Text(PayloadValue value) =>
        value.Origin is ExpressionSyntax expression ? expression.WithoutTrivia().ToString() : null;
}
