using Microsoft.CodeAnalysis;

namespace GrokContracts.Generators;

/// <summary>
/// Every diagnostic GrokContracts reports, created through one factory so each has a category and a help
/// link to its <c>docs/rules/GRKnnn.md</c>. Split by area into partial files.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>Base address of the rule docs; the rule id and <c>.md</c> are appended.</summary>
    internal const string HelpLinkBase = "https://github.com/grokcontracts/GrokContracts/blob/main/docs/rules/";

    private static DiagnosticDescriptor Create(
        string id,
        string category,
        DiagnosticSeverity severity,
        string title,
        string messageFormat,
        string description) =>
        new(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id + ".md");
}
