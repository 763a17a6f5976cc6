using System.Collections.Immutable;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;

namespace GrokContracts.Generators.Diagnostics;

/// <summary>
/// Every diagnostic descriptor of this assembly, created through one factory (category, description and help link),
/// in this folder: GRK100-GRK104 (spec files and their clashes with references, reported by <see cref="ContractGenerator"/>) here, GRK001-GRK009 (C#
/// payloads, reported by <see cref="Payload.PayloadAnalyzer"/>) in <c>DiagnosticDescriptors.Payload.cs</c>.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>Where the rule docs live; each rule's page is <c>GRKnnn.md</c> under it.</summary>
    public const string HelpLinkBase = "https://github.com/grokcontracts/grokcontracts/blob/main/docs/rules/";

    /// <summary>Category of spec-file diagnostics.</summary>
    public const string SpecCategory = "GrokContracts.Spec";

    /// <summary>GRK100: the spec is not parseable YAML/JSON (or too large, too deep, or uses anchors).</summary>
    public static readonly DiagnosticDescriptor SpecNotParseable = Spec(
        SpecDiagnosticIds.NotParseable,
        "Spec file is not parseable",
        "The spec file is not valid YAML or JSON, is too large or too deeply nested, or uses anchors and aliases; nothing is generated from it until it parses.");

    /// <summary>GRK101: the spec does not follow the spec schema.</summary>
    public static readonly DiagnosticDescriptor SpecSchemaViolation = Spec(
        SpecDiagnosticIds.SchemaViolation,
        "Spec file does not follow the spec schema",
        "The spec has an unknown key, a value of the wrong kind or outside its vocabulary, or lacks a required key (the rules of spec/contract.schema.json); nothing is generated from it.");

    /// <summary>GRK102: the spec is inconsistent.</summary>
    public static readonly DiagnosticDescriptor SpecInconsistent = Spec(
        SpecDiagnosticIds.Inconsistent,
        "Spec file is inconsistent",
        "The spec's parts contradict each other (a default outside its range, minimum above maximum, an unknown reference) or derive C# names that are invalid or collide; nothing is generated from it.");

    /// <summary>GRK103: two specs of one kind declare the same model id.</summary>
    public static readonly DiagnosticDescriptor DuplicateModel = Spec(
        SpecDiagnosticIds.DuplicateModel,
        "Two specs declare the same model id",
        "Two project specs, or two shipped specs, declare the same model id; the first wins and this one is not generated. A project spec replacing a shipped one is not a duplicate.");

    /// <summary>The id of <see cref="ContractDeclaredByReference"/> (a generator rule, not one of the Spec library's).</summary>
    public const string ContractDeclaredByReferenceId = "GRK104";

    /// <summary>GRK104: a referenced assembly already declares the request type a project spec would generate.</summary>
    public static readonly DiagnosticDescriptor ContractDeclaredByReference = Spec(
        ContractDeclaredByReferenceId,
        "A referenced assembly already declares the contract's types",
        "A project spec would generate a request type of the same full name as one a referenced assembly declares (the shipped channels' types live in GrokContracts.dll, a contracts library's in that library); it is not generated again, and the spec needs its own namespace or has to go.");

    /// <summary>The spec-file descriptors, GRK100-GRK104.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> SpecDescriptors =
        ImmutableArray.Create(SpecNotParseable, SpecSchemaViolation, SpecInconsistent, DuplicateModel, ContractDeclaredByReference);

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
    private static DiagnosticDescriptor Spec(string id, string title, string description) =>
        Create(id, title, "{0}", SpecCategory, DiagnosticSeverity.Error, description);

    /// <summary>The one factory: every descriptor gets a category, a description and a help link to <c>docs/rules/GRKnnn.md</c>.</summary>
    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description)
        => new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLink(id));
}
