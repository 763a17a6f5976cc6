using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using GrokContracts.Generators.Diagnostics;
using GrokContracts.Generators.Model;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;

namespace GrokContracts.Generators;

public sealed partial class ContractGenerator
{
    /// <summary>
    /// The contracts about to be generated whose request type (same full name) a referenced assembly declares
    /// publicly: the shipped channels' types in GrokContracts.dll, a contracts library's in that library. The only
    /// step that reads the compilation; it looks up a handful of names in the referenced assemblies and returns an
    /// equatable list, so after an ordinary C# edit everything downstream stays cached.
    /// </summary>
    internal static EquatableArray<ReferencedDeclaration> FindReferencedDeclarations(
        ImmutableArray<ContractTarget> targets, Compilation compilation, CancellationToken cancellationToken)
    {
        if (targets.IsDefaultOrEmpty)
        {
            return EquatableArray<ReferencedDeclaration>.Empty;
        }

        var found = new List<ReferencedDeclaration>();
        foreach (var target in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fullName = target.Namespace + "." + target.Contract.RequestTypeName;
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.GetTypeByMetadataName(fullName) is { DeclaredAccessibility: Accessibility.Public })
                {
                    found.Add(new ReferencedDeclaration(target.Contract.ModelId, fullName, assembly.Identity.Name));
                    break;
                }
            }
        }

        return EquatableArray.From(found);
    }

    /// <summary>Whether <paramref name="modelId"/>'s types come from a referenced assembly.</summary>
    internal static bool IsDeclaredByReference(EquatableArray<ReferencedDeclaration> declarations, string modelId)
    {
        foreach (var declaration in declarations)
        {
            if (declaration.ModelId == modelId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One GRK104 per contract a referenced assembly declares, at the <c>model:</c> value of the spec that would have
    /// generated it (the catalog's winner: a project spec before a shipped one, the first of its kind).
    /// </summary>
    internal static EquatableArray<DiagnosticInfo> ReferenceDiagnostics(
        ImmutableArray<ParsedSpec> specs, EquatableArray<ReferencedDeclaration> declarations)
    {
        if (declarations.Count == 0)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var diagnostics = new List<DiagnosticInfo>(declarations.Count);
        foreach (var declaration in declarations)
        {
            var spec = WinningSpecOf(specs, declaration.ModelId);
            var location = spec?.ModelIdLocation ?? new SpecLocation(spec?.Path ?? string.Empty, 0, 0, 0, 0, 0, 0);
            var message =
                $"Spec '{declaration.ModelId}' would generate {declaration.RequestTypeName}, which the referenced assembly " +
                $"{declaration.AssemblyName} already declares, so it is not generated again: give this spec its own namespace " +
                "(GrokContractSpec Namespace=\"...\") or remove it and use the referenced types";
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.ContractDeclaredByReferenceId, message, location));
        }

        return EquatableArray.From(diagnostics);
    }

    private static ParsedSpec? WinningSpecOf(ImmutableArray<ParsedSpec> specs, string modelId)
    {
        ParsedSpec? shipped = null;
        foreach (var spec in specs)
        {
            if (spec.Generated && spec.Contract is { } contract && contract.ModelId == modelId)
            {
                if (!spec.Shipped)
                {
                    return spec;
                }

                shipped ??= spec;
            }
        }

        return shipped;
    }
}
