using System;
using System.Collections.Immutable;
using GrokContracts.Generators.Diagnostics;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Generators.Payload;

/// <summary>
/// GRK001-GRK009: request payloads that break their contract, found in anonymous objects, string-keyed
/// dictionaries, JsonObject initializers and JSON string literals. One analyzer for all nine ids because they
/// share the expensive part (finding a payload and running the rule engine once); each id has its own
/// descriptor, doc, fixer and test class.
/// </summary>
/// <remarks>
/// Cost: nothing is registered when the project has no spec; each callback filters on syntax (a <c>model</c>
/// member, a <c>"model"</c> key, a literal containing <c>"model"</c>) before touching the semantic model; JSON
/// literals need no semantic model at all.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PayloadAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.OutOfRange,
        DiagnosticDescriptors.WrongType,
        DiagnosticDescriptors.NotAllowed,
        DiagnosticDescriptors.MissingRequired,
        DiagnosticDescriptors.BadUrl,
        DiagnosticDescriptors.TooManyItems,
        DiagnosticDescriptors.UnknownParameter,
        DiagnosticDescriptors.UnknownModel,
        DiagnosticDescriptors.UseTypedRequest);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var contracts = KnownContracts.Load(start.Options, start.CancellationToken);
            if (contracts is null)
            {
                return;
            }

            var session = new Session(contracts, new PayloadSymbols(start.Compilation));
            start.RegisterSyntaxNodeAction(session.AnalyzeAnonymousObject, SyntaxKind.AnonymousObjectCreationExpression);
            start.RegisterSyntaxNodeAction(session.AnalyzeInitializer, SyntaxKind.ObjectInitializerExpression, SyntaxKind.CollectionInitializerExpression);
            start.RegisterSyntaxNodeAction(session.AnalyzeStringLiteral, SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);
            start.RegisterSyntaxNodeAction(session.AnalyzeConcatenation, SyntaxKind.AddExpression);
            if (session.Symbols.RequestInterface is not null)
            {
                // Context 5 only exists where the runtime library (and so the generated API) is referenced.
                var typedApi = new TypedApiAnalysis(contracts, session.Symbols);
                // No closure per node: every invocation and creation of the project comes through here.
                start.RegisterSyntaxNodeAction(context => Guard(context, typedApi, static (c, t) => t.AnalyzeInvocation(c)), SyntaxKind.InvocationExpression);
                start.RegisterSyntaxNodeAction(
                    context => Guard(context, typedApi, static (c, t) => t.AnalyzeCreation(c)),
                    SyntaxKind.ObjectCreationExpression,
                    SyntaxKind.ImplicitObjectCreationExpression);
            }
        });
    }

    private static void Guard(SyntaxNodeAnalysisContext context, Action action) => Guard(context, action, static (_, a) => a());

    private static void Guard<TState>(SyntaxNodeAnalysisContext context, TState state, Action<SyntaxNodeAnalysisContext, TState> action)
    {
        try
        {
            action(context, state);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception) when (!context.CancellationToken.IsCancellationRequested)
        {
            // Never AD0001: a payload we cannot understand is a payload we do not report on.
        }
    }

    private sealed class Session
    {
        private readonly KnownContracts _contracts;
        private readonly PayloadSymbols _symbols;

        public Session(KnownContracts contracts, PayloadSymbols symbols)
        {
            _contracts = contracts;
            _symbols = symbols;
        }

        public PayloadSymbols Symbols => _symbols;

        public void AnalyzeAnonymousObject(SyntaxNodeAnalysisContext context)
        {
            var node = (AnonymousObjectCreationExpressionSyntax)context.Node;
            if (!CSharpPayloadReader.HasModelMember(node))
            {
                return;
            }

            Guard(context, () =>
            {
                var reader = new CSharpPayloadReader(context.SemanticModel, _symbols, context.CancellationToken);
                var payload = reader.ReadAnonymousObject(node);
                var clean = PayloadChecker.Check(payload, _contracts, SyntaxOriginLocator.Instance, context.ReportDiagnostic, context.CancellationToken);
                if (clean is not null)
                {
                    TypedRequestSuggestion.Report(context, node, payload, clean, _contracts, _symbols);
                }
            });
        }

        public void AnalyzeInitializer(SyntaxNodeAnalysisContext context)
        {
            var initializer = (InitializerExpressionSyntax)context.Node;
            if (initializer.Parent is not BaseObjectCreationExpressionSyntax creation || !CSharpPayloadReader.HasModelKey(initializer))
            {
                return;
            }

            Guard(context, () =>
            {
                var reader = new CSharpPayloadReader(context.SemanticModel, _symbols, context.CancellationToken);
                if (!reader.IsDictionaryLike(context.SemanticModel.GetTypeInfo(creation, context.CancellationToken).Type)
                    || reader.ReadDictionaryInitializer(initializer, creation) is not { } payload)
                {
                    return;
                }

                if (PayloadChecker.Check(payload, _contracts, SyntaxOriginLocator.Instance, context.ReportDiagnostic, context.CancellationToken) is { } clean)
                {
                    TypedRequestSuggestion.Report(context.ReportDiagnostic, creation.NewKeyword.GetLocation(), SyntaxOriginLocator.Instance, payload, clean, _contracts, _symbols);
                }
            });
        }

        public void AnalyzeStringLiteral(SyntaxNodeAnalysisContext context)
        {
            var token = ((LiteralExpressionSyntax)context.Node).Token;
            var text = token.ValueText;
            if (text.IndexOf("\"model\"", StringComparison.Ordinal) < 0 || !StartsWithBrace(text))
            {
                return;
            }

            Guard(context, () =>
            {
                if (!PayloadJson.TryParse(text, out var value, out _) || value is not PayloadObject payload)
                {
                    return;
                }

                var locator = new JsonLiteralLocator(token);
                if (PayloadChecker.Check(payload, _contracts, locator, context.ReportDiagnostic, context.CancellationToken) is { } clean)
                {
                    TypedRequestSuggestion.Report(context.ReportDiagnostic, token.GetLocation(), locator, payload, clean, _contracts, _symbols);
                }
            });
        }

        /// <summary>
        /// JSON folded from constant pieces joined with <c>+</c>: only the outermost <c>+</c>, only when a piece is a
        /// string literal (syntax), and only when the whole is a constant string (no guessing at run-time values).
        /// </summary>
        public void AnalyzeConcatenation(SyntaxNodeAnalysisContext context)
        {
            var node = (BinaryExpressionSyntax)context.Node;
            if (IsOperandOfConcatenation(node) || !HasStringLiteralOperand(node))
            {
                return;
            }

            Guard(context, () =>
            {
                if (context.SemanticModel.GetConstantValue(node, context.CancellationToken) is not { HasValue: true, Value: string text }
                    || text.IndexOf("\"model\"", StringComparison.Ordinal) < 0
                    || !StartsWithBrace(text)
                    || !PayloadJson.TryParse(text, out var value, out _)
                    || value is not PayloadObject payload
                    || Pieces(node, context.SemanticModel, context.CancellationToken) is not { } pieces)
                {
                    return;
                }

                PayloadChecker.Check(payload, _contracts, new ConcatenatedJsonLocator(node, pieces), context.ReportDiagnostic, context.CancellationToken);
            });
        }

        private static bool IsOperandOfConcatenation(SyntaxNode node)
        {
            var parent = node.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression };
        }

        private static bool HasStringLiteralOperand(BinaryExpressionSyntax node)
        {
            foreach (var operand in Operands(node))
            {
                if (operand.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The leaves of a chain of <c>+</c> (parentheses looked through), left to right.</summary>
        private static System.Collections.Generic.IEnumerable<ExpressionSyntax> Operands(ExpressionSyntax expression)
        {
            var stack = new System.Collections.Generic.Stack<ExpressionSyntax>();
            stack.Push(expression);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                while (current is ParenthesizedExpressionSyntax parenthesized)
                {
                    current = parenthesized.Expression;
                }

                if (current is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary)
                {
                    stack.Push(binary.Right);
                    stack.Push(binary.Left);
                }
                else
                {
                    yield return current;
                }
            }
        }

        /// <summary>Each operand's place in the folded value; null when an operand is not a constant string (then the whole is not a string constant either).</summary>
        private static ConcatenatedJsonLocator.Piece[]? Pieces(BinaryExpressionSyntax node, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            var pieces = new System.Collections.Generic.List<ConcatenatedJsonLocator.Piece>();
            var offset = 0;
            foreach (var operand in Operands(node))
            {
                var constant = model.GetConstantValue(operand, cancellationToken);
                if (!constant.HasValue || constant.Value is not (string or null))
                {
                    return null;
                }

                var length = ((string?)constant.Value)?.Length ?? 0;
                var map = operand is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? LiteralMap.Create(literal.Token) : null;
                pieces.Add(new ConcatenatedJsonLocator.Piece(offset, length, map));
                offset += length;
            }

            return pieces.ToArray();
        }

        private static bool StartsWithBrace(string text)
        {
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    return c == '{';
                }
            }

            return false;
        }
    }
}
