using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Generators;

/// <summary>
/// Reports spec-file problems (GRK100-GRK102) at the spec's own line and column, and specs that declare the
/// same model id (GRK103). Only AdditionalFiles with <c>GrokContract=true</c> are read. The generator skips a
/// spec with errors silently; this analyzer says why, and can be suppressed like any other.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SpecFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.SpecDescriptors;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterAdditionalFileAction(AnalyzeSpecFile);
        context.RegisterCompilationAction(AnalyzeModelIds);
    }

    private static void AnalyzeSpecFile(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (!ContractGenerator.IsContractSpec(context.Options.AnalyzerConfigOptionsProvider.GetOptions(file)))
        {
            return;
        }

        var text = file.GetText(context.CancellationToken);
        if (text is null)
        {
            return;
        }

        var result = ContractParser.Parse(text.ToString(), file.Path, context.CancellationToken);
        foreach (var diagnostic in result.Diagnostics)
        {
            // GRK103 needs every spec at once: AnalyzeModelIds reports it.
            if (diagnostic.Id != SpecDiagnosticIds.DuplicateModel)
            {
                Report(context.ReportDiagnostic, diagnostic, file.Path, text);
            }
        }
    }

    private static void AnalyzeModelIds(CompilationAnalysisContext context)
    {
        var specs = new List<SpecSource>();
        foreach (var file in context.Options.AdditionalFiles)
        {
            var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(file);
            if (!ContractGenerator.IsContractSpec(options))
            {
                continue;
            }

            var text = file.GetText(context.CancellationToken);
            if (text is not null)
            {
                var shipped = options.TryGetValue(ContractGenerator.Metadata.Shipped, out var value) && value.Trim().Equals("true", System.StringComparison.OrdinalIgnoreCase);
                specs.Add(new SpecSource(file.Path, text, shipped));
            }
        }

        if (specs.Count < 2)
        {
            return;
        }

        foreach (var (diagnostic, spec) in DuplicateModels.Find(specs, context.CancellationToken))
        {
            Report(context.ReportDiagnostic, diagnostic, spec.Path, spec.Text);
        }
    }

    private static void Report(System.Action<Diagnostic> report, SpecDiagnostic diagnostic, string path, SourceText text)
    {
        var descriptor = DiagnosticDescriptors.ForSpecId(diagnostic.Id);
        if (descriptor is not null)
        {
            report(Diagnostic.Create(descriptor, ToLocation(path, text, diagnostic), diagnostic.Message));
        }
    }

    /// <summary>The location of a spec diagnostic in the file (1-based line/column → span), clamped to the text.</summary>
    internal static Location ToLocation(string path, SourceText text, SpecDiagnostic diagnostic)
    {
        var start = ToLinePosition(text, diagnostic.Start);
        var end = ToLinePosition(text, diagnostic.End);
        if (end < start)
        {
            end = start;
        }

        var span = TextSpan.FromBounds(text.Lines.GetPosition(start), text.Lines.GetPosition(end));
        return Location.Create(path, span, new LinePositionSpan(start, end));
    }

    private static LinePosition ToLinePosition(SourceText text, SpecPosition position)
    {
        var lineCount = text.Lines.Count;
        var line = position.Line < 1 ? 0 : position.Line > lineCount ? lineCount - 1 : position.Line - 1;
        if (line < 0)
        {
            return new LinePosition(0, 0);
        }

        var length = text.Lines[line].End - text.Lines[line].Start;
        var column = position.Column < 1 ? 0 : position.Column - 1 > length ? length : position.Column - 1;
        return new LinePosition(line, column);
    }
}

/// <summary>A spec file seen by the analyzer.</summary>
internal sealed record SpecSource(string Path, SourceText Text, bool Shipped);

/// <summary>GRK103: two specs of the same kind (project or shipped) with the same model id.</summary>
internal static class DuplicateModels
{
    public static IEnumerable<(SpecDiagnostic Diagnostic, SpecSource Spec)> Find(IReadOnlyList<SpecSource> specs, CancellationToken cancellationToken)
    {
        var first = new Dictionary<(string, bool), SpecSource>();
        foreach (var spec in specs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var contract = ContractParser.Parse(spec.Text.ToString(), spec.Path, cancellationToken).Contract;
            if (contract is null)
            {
                continue;
            }

            var key = (contract.ModelId, spec.Shipped);
            if (first.TryGetValue(key, out var original))
            {
                var position = ModelKeyPosition(spec.Text);
                yield return (new SpecDiagnostic(
                    SpecDiagnosticIds.DuplicateModel,
                    "model '" + contract.ModelId + "' is also declared by " + original.Path + "; only that spec is generated",
                    spec.Path,
                    position,
                    position), spec);
            }
            else
            {
                first.Add(key, spec);
            }
        }
    }

    /// <summary>The position of the top-level <c>model</c> key (YAML or JSON), or line 1 column 1.</summary>
    private static SpecPosition ModelKeyPosition(SourceText text)
    {
        foreach (var line in text.Lines)
        {
            var content = line.ToString();
            var trimmed = content.TrimStart();
            var indent = content.Length - trimmed.Length;
            if (trimmed.StartsWith("model:", System.StringComparison.Ordinal) && indent == 0)
            {
                return new SpecPosition(line.LineNumber + 1, 1);
            }

            if (trimmed.StartsWith("\"model\"", System.StringComparison.Ordinal))
            {
                return new SpecPosition(line.LineNumber + 1, indent + 1);
            }
        }

        return new SpecPosition(1, 1);
    }
}
