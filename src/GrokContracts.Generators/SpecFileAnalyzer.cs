using System.Collections.Generic;
using System.Collections.Immutable;
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
        // The Spec library's catalog decides what a duplicate is (same model id, both shipped or both project
        // specs; a project spec replacing a shipped one is not), exactly as the generator chooses what to emit.
        var entries = new List<(SpecParseResult Result, bool Shipped)>();
        var texts = new Dictionary<string, SourceText>(System.StringComparer.Ordinal);
        foreach (var file in context.Options.AdditionalFiles)
        {
            var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(file);
            var text = ContractGenerator.IsContractSpec(options) ? file.GetText(context.CancellationToken) : null;
            if (text is null)
            {
                continue;
            }

            texts[file.Path] = text;
            entries.Add((ContractParser.Parse(text.ToString(), file.Path, context.CancellationToken), ContractGenerator.IsShipped(options)));
        }

        if (entries.Count < 2)
        {
            return;
        }

        foreach (var diagnostic in new ContractCatalog(entries).Diagnostics)
        {
            if (diagnostic.Id == SpecDiagnosticIds.DuplicateModel && texts.TryGetValue(diagnostic.FilePath, out var text))
            {
                Report(context.ReportDiagnostic, diagnostic, diagnostic.FilePath, text);
            }
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
