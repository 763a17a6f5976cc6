using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Generators;

/// <summary>
/// The MSBuild item metadata of a spec (made compiler-visible by <c>build/GrokContracts.props</c>), read in this one
/// place by the generator and the analyzers alike.
/// </summary>
internal static class SpecItemMetadata
{
    /// <summary><c>GrokContract=true</c>: the additional file is a contract spec.</summary>
    public const string IsContract = "build_metadata.AdditionalFiles.GrokContract";

    /// <summary><c>GrokContractNamespace</c>: the C# namespace of the generated types (optional).</summary>
    public const string Namespace = "build_metadata.AdditionalFiles.GrokContractNamespace";

    /// <summary><c>GrokContractVisibility=internal</c>: the generated types are internal (optional).</summary>
    public const string Visibility = "build_metadata.AdditionalFiles.GrokContractVisibility";

    /// <summary><c>GrokContractShipped=true</c>: the spec was shipped with the package (a project spec replaces it).</summary>
    public const string Shipped = "build_metadata.AdditionalFiles.GrokContractShipped";

    /// <summary>
    /// <c>GrokContractGenerate=false</c>: the spec's types come from a referenced assembly (set on the shipped specs,
    /// whose types GrokContracts.dll declares): the analyzers check payloads against it, the generator emits nothing for it.
    /// </summary>
    public const string Generate = "build_metadata.AdditionalFiles.GrokContractGenerate";

    /// <summary>Whether the options mark an additional file as a contract spec.</summary>
    public static bool IsContractSpec(AnalyzerConfigOptions options) => IsTrue(options, IsContract);

    /// <summary>Whether the options mark a spec as shipped with the package.</summary>
    public static bool IsShipped(AnalyzerConfigOptions options) => IsTrue(options, Shipped);

    /// <summary>Whether the generator emits the spec's types (<see cref="Generate"/> is not <c>false</c>).</summary>
    public static bool IsGenerated(AnalyzerConfigOptions options) =>
        !(options.TryGetValue(Generate, out var value) && string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase));

    /// <summary>The namespace metadata, trimmed, or null when unset or blank (validity is <c>ContractNaming.ChooseNamespace</c>'s call).</summary>
    public static string? NamespaceOf(AnalyzerConfigOptions options) =>
        options.TryGetValue(Namespace, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Whether the visibility metadata is <c>internal</c>.</summary>
    public static bool IsInternal(AnalyzerConfigOptions options) =>
        options.TryGetValue(Visibility, out var value) && string.Equals(value?.Trim(), "internal", StringComparison.OrdinalIgnoreCase);

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
