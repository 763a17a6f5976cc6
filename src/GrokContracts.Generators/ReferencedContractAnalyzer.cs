using System.Collections.Immutable;
using GrokContracts.Generators.Model;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.Generators;

/// <summary>
/// GRK104: a project spec whose generated request type a referenced assembly already declares (the shipped channels'
/// types live in GrokContracts.dll; a contracts library's public types in that library). Generating it again would
/// give two types of one name (CS0436, then CS1503 across the project boundary); the decision is an error at the
/// spec's <c>model:</c> value that says so. A project spec with its own namespace is fine and replaces the shipped
/// contract for this project's payload checks.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReferencedContractAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.ContractDeclaredByReference);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(Analyze);
    }

    private static void Analyze(CompilationAnalysisContext context)
    {
        foreach (var file in context.Options.AdditionalFiles)
        {
            var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(file);
            // The same reading as the generator's: only a spec it would generate can clash.
            var spec = ContractGenerator.ReadSpecFile(file, options, context.CancellationToken);
            if (spec is null || spec.Shipped || spec.Text is null)
            {
                continue;
            }

            var result = ContractParser.Parse(spec.Text, spec.Path, context.CancellationToken);
            if (result.HasErrors || result.Contract is not { } contract || result.ModelIdSpan is not { } modelSpan)
            {
                continue;
            }

            var parsed = new ParsedSpec(spec.Path, contract, contract.ModelId, spec.Namespace, spec.Internal, spec.Shipped);
            var fullName = ContractGenerator.ChooseNamespace(parsed, contract) + "." + contract.RequestTypeName;
            foreach (var assembly in context.Compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.GetTypeByMetadataName(fullName) is { DeclaredAccessibility: Accessibility.Public })
                {
                    var text = file.GetText(context.CancellationToken);
                    var location = text is null
                        ? Location.None
                        : SpecFileAnalyzer.ToLocation(spec.Path, text, new SpecDiagnostic(DiagnosticDescriptors.ContractDeclaredByReference.Id, string.Empty, spec.Path, modelSpan.Start, modelSpan.End));
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.ContractDeclaredByReference,
                        location,
                        contract.ModelId,
                        assembly.Name,
                        fullName));
                    break;
                }
            }
        }
    }
}
