using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using GrokContracts.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace GrokContracts.CodeFixes.Rules;

/// <summary>
/// GRK003: one action per allowed value, the spec default first. The first action's equivalence key means "use the
/// parameter's default", so Fix All applies each diagnostic's own default; the others mean "use this exact value".
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AllowedValueFixer)), Shared]
public sealed class AllowedValueFixer : CodeFixProvider
{
    /// <summary>Equivalence key of the first (default) action.</summary>
    public const string DefaultValueKey = nameof(AllowedValueFixer) + ".Default";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(PayloadDiagnosticIds.NotAllowed);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PayloadFixProperties.AllowedValues, out var joined) || string.IsNullOrEmpty(joined))
            {
                continue;
            }

            var json = PayloadEdits.IsJson(diagnostic);
            var values = joined!.Split('\n');
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use \"{value}\"",
                        ct => PayloadEdits.ReplaceValueAsync(context.Document, diagnostic.Location.SourceSpan, json, value, "string", ct),
                        equivalenceKey: i == 0 ? DefaultValueKey : nameof(AllowedValueFixer) + "." + value),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }
}
