using GrokContracts.Spec;

namespace GrokContracts.Generators.Model;

// Everything here is cached by the incremental pipeline: only strings, numbers, bools and the Spec
// library's value-equal records. No ISymbol, SyntaxNode, Location, AdditionalText or Compilation.

/// <summary>A spec file (an AdditionalFile with <c>GrokContract=true</c>) with its text and MSBuild metadata.</summary>
/// <param name="Path">Path of the file as the compiler sees it.</param>
/// <param name="Text">The file's text, or null when it could not be read.</param>
/// <param name="Namespace">The <c>GrokContractNamespace</c> metadata, or null when unset or empty.</param>
/// <param name="Internal">Whether <c>GrokContractVisibility</c> is <c>internal</c>.</param>
/// <param name="Shipped">Whether <c>GrokContractShipped</c> is <c>true</c> (a spec shipped with the package).</param>
/// <param name="Generated">Whether the generator emits its types (<c>GrokContractGenerate</c> is not <c>false</c>).</param>
internal sealed record SpecFile(string Path, string? Text, string? Namespace, bool Internal, bool Shipped, bool Generated = true);

/// <summary>A spec file after parsing.</summary>
/// <param name="Path">Path of the file.</param>
/// <param name="Contract">The contract, or null when the spec has errors (see <paramref name="Diagnostics"/>).</param>
/// <param name="ClaimedModelId">The <c>model:</c> value even when the spec has errors (a broken project spec still claims its id), or null.</param>
/// <param name="Namespace">The namespace metadata, or null.</param>
/// <param name="Internal">Whether the generated types are internal.</param>
/// <param name="Shipped">Whether the spec was shipped with the package.</param>
/// <param name="Diagnostics">The spec's own GRK100-GRK102, reported by the generator.</param>
/// <param name="ModelIdLocation">Where the <c>model:</c> value is (for a GRK103 found later), or null.</param>
/// <param name="Generated">Whether the generator emits its types; a spec declared by a referenced assembly still takes part in precedence.</param>
internal sealed record ParsedSpec(
    string Path,
    Contract? Contract,
    string? ClaimedModelId,
    string? Namespace,
    bool Internal,
    bool Shipped,
    EquatableArray<DiagnosticInfo> Diagnostics,
    SpecLocation? ModelIdLocation,
    bool Generated = true);

/// <summary>What <see cref="ContractCatalog"/> chose: the contracts to generate, and the GRK103s of the specs that lost.</summary>
/// <param name="Targets">The contracts to generate.</param>
/// <param name="Diagnostics">The catalog's GRK103s.</param>
internal sealed record ContractSelection(EquatableArray<ContractTarget> Targets, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A contract to generate, with everything the emitter needs besides the language version.</summary>
/// <param name="Contract">The contract.</param>
/// <param name="Namespace">The C# namespace of the generated types.</param>
/// <param name="Internal">Whether the generated types are internal.</param>
/// <param name="HintPrefix">Prefix of the hint names of the generated files, unique within the compilation and stable.</param>
internal sealed record ContractTarget(Contract Contract, string Namespace, bool Internal, string HintPrefix);

/// <summary>A contract to generate and the compilation's language version.</summary>
/// <param name="Target">The contract and its settings.</param>
/// <param name="LanguageVersion">The effective C# language version as an int (e.g. 703, 800).</param>
internal sealed record EmitRequest(ContractTarget Target, int LanguageVersion);

/// <summary>A contract whose request type a referenced assembly already declares (GRK104): not generated again.</summary>
/// <param name="ModelId">The contract's model id.</param>
/// <param name="RequestTypeName">The full name of the request type the contract would generate.</param>
/// <param name="AssemblyName">The referenced assembly that declares it.</param>
internal sealed record ReferencedDeclaration(string ModelId, string RequestTypeName, string AssemblyName);
