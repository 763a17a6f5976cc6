using GrokContracts.Spec;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Generators.Payload;

/// <summary>GRK009: an anonymous payload that could be the generated typed request (filled in once the generator lands).</summary>
internal static class TypedRequestSuggestion
{
    public static void Report(SyntaxNodeAnalysisContext context, AnonymousObjectCreationExpressionSyntax node, PayloadObject payload, Contract contract, PayloadSymbols symbols)
    {
        _ = context;
        _ = node;
        _ = payload;
        _ = contract;
        _ = symbols;
    }
}
