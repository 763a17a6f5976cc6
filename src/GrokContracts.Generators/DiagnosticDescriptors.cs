using System.Collections.Immutable;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;

namespace GrokContracts.Generators;

/// <summary>Every diagnostic descriptor of this assembly, created through one factory (category and help link).</summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>Where the rule docs live; each rule's page is <c>GRKnnn.md</c> under it.</summary>
    public const string HelpLinkBase = "https://github.com/grokcontracts/grokcontracts/blob/main/docs/rules/";

    /// <summary>Category of spec-file diagnostics.</summary>
    public const string SpecCategory = "GrokContracts.Spec";

    public static readonly DiagnosticDescriptor SpecNotParseable = Spec(
        SpecDiagnosticIds.NotParseable, "Spec file is not parseable");

    public static readonly DiagnosticDescriptor SpecSchemaViolation = Spec(
        SpecDiagnosticIds.SchemaViolation, "Spec file does not follow the spec schema");

    public static readonly DiagnosticDescriptor SpecInconsistent = Spec(
        SpecDiagnosticIds.Inconsistent, "Spec file is inconsistent");

    public static readonly DiagnosticDescriptor DuplicateModel = Spec(
        SpecDiagnosticIds.DuplicateModel, "Two specs declare the same model id");

    /// <summary>GRK104: a project spec whose types a referenced assembly already declares (<see cref="ReferencedContractAnalyzer"/>).</summary>
    public static readonly DiagnosticDescriptor ContractDeclaredByReference = Create(
        "GRK104",
        "A referenced assembly already declares the contract's types",
        "Project spec '{0}' would generate {2}, which the referenced assembly {1} already declares: give this spec its own namespace (GrokContractSpec Namespace=\"...\") or remove it and use the referenced types",
        SpecCategory,
        DiagnosticSeverity.Error);

    /// <summary>The spec-file descriptors, GRK100-GRK103.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> SpecDescriptors =
        ImmutableArray.Create(SpecNotParseable, SpecSchemaViolation, SpecInconsistent, DuplicateModel);

    /// <summary>The help link of rule <paramref name="id"/>.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    /// <summary>The descriptor of a Spec library diagnostic id, or null for an id this assembly does not know.</summary>
    public static DiagnosticDescriptor? ForSpecId(string id)
    {
        foreach (var descriptor in SpecDescriptors)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        return null;
    }

    /// <summary>
    /// A spec-file error: the message is the Spec library's own (it names the key and the problem), so the
    /// format is just <c>{0}</c>.
    /// </summary>
    private static DiagnosticDescriptor Spec(string id, string title) => Create(id, title, "{0}", SpecCategory, DiagnosticSeverity.Error);

    /// <summary>The one factory: every descriptor gets a category and a help link to <c>docs/rules/GRKnnn.md</c>.</summary>
    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity)
        => new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description: null, helpLinkUri: HelpLink(id));
}
