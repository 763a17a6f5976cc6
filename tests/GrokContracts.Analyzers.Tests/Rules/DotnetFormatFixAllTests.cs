using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.CodeFixes;
using GrokContracts.Generators.Payload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>
/// Fix All the way <c>dotnet format analyzers --diagnostics GRK001 GRK003 …</c> drives it (dotnet/sdk,
/// SolutionCodeFixApplier): for each id in turn it re-analyzes with every analyzer supporting that id — our one
/// analyzer reports all the listed ids — probes the fixer with the <em>first diagnostic of any listed id</em> for an
/// equivalence key (none when that diagnostic belongs to another rule), and asks for a solution-wide Fix All with
/// that key. Before the fixers' own Fix All, a null key made the batch fixer return nothing ("didn't return a Fix
/// All action"), so which rules got fixed depended on the hash order of the ids.
/// </summary>
public sealed class DotnetFormatFixAllTests
{
    private static readonly string[] Fixable = GrokContracts.Tests.Shared.FixableCorpus.Ids;

    /// <summary>Every fixable rule, in every payload context, each payload with mistakes of several rules.</summary>
    private const string Source = GrokContracts.Tests.Shared.FixableCorpus.Source;

    [Theory]
    [InlineData("GRK001")]
    [InlineData("GRK002")]
    [InlineData("GRK003")]
    [InlineData("GRK006")]
    [InlineData("GRK007")]
    [InlineData("GRK008")]
    public async Task Fix_All_works_when_probed_with_another_rules_diagnostic(string id)
    {
        var document = CreateDocument(Source);
        var diagnostics = await AnalyzeAsync(document, Fixable);
        Assert.Contains(diagnostics, d => d.Id == id);
        var probe = diagnostics.First(d => d.Id != id);
        var fixer = FixerFor(id);

        // What dotnet format does: the first action registered for the probe gives the key; here there is none.
        CodeAction? first = null;
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, probe, (action, _) => first ??= action, CancellationToken.None));
        Assert.Null(first);

        var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(new FixAllContext(
            document, fixer, FixAllScope.Solution, null!, [id], new FixedDiagnostics(diagnostics), CancellationToken.None));

        Assert.NotNull(fixAll);
        var fixedDocument = await ApplyAsync(fixAll!, document);
        Assert.DoesNotContain(await AnalyzeAsync(fixedDocument, Fixable), d => d.Id == id);
        // Only that rule's mistakes changed: every other diagnostic is still there.
        Assert.Equal(
            diagnostics.Where(d => d.Id != id).Select(d => d.Id).Order(StringComparer.Ordinal),
            (await AnalyzeAsync(fixedDocument, Fixable)).Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task All_ids_in_one_run_fix_everything_whatever_their_order()
    {
        string? previous = null;
        foreach (var order in new[] { Fixable, Fixable.Reverse().ToArray(), ["GRK003", "GRK007", "GRK001", "GRK008", "GRK006", "GRK002"] })
        {
            var document = CreateDocument(Source);
            foreach (var id in order)
            {
                document = await FormatOneIdAsync(document, id);
            }

            var text = (await document.GetTextAsync()).ToString();
            Assert.Empty(await AnalyzeAsync(document, Fixable));
            Assert.Contains("\\\"duration\\\":8", text, StringComparison.Ordinal);
            Assert.Contains("[\"duration\"] = 5,", text, StringComparison.Ordinal); // GRK007 renamed the typo
            if (previous is not null)
            {
                Assert.Equal(previous, text);
            }

            previous = text;
        }
    }

    /// <summary>One id as dotnet format handles it: fresh analysis, probe with the first diagnostic, Fix All in the solution.</summary>
    private static async Task<Document> FormatOneIdAsync(Document document, string id)
    {
        var diagnostics = await AnalyzeAsync(document, Fixable);
        if (!diagnostics.Any(d => d.Id == id))
        {
            return document;
        }

        var fixer = FixerFor(id);
        CodeAction? first = null;
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics[0], (action, _) => first ??= action, CancellationToken.None));
        var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(new FixAllContext(
            document, fixer, FixAllScope.Solution, first?.EquivalenceKey!, [id], new FixedDiagnostics(diagnostics), CancellationToken.None));
        Assert.True(fixAll is not null, id + " returned no Fix All action");
        return await ApplyAsync(fixAll!, document);
    }

    private static CodeFixProvider FixerFor(string id) =>
        typeof(PayloadCodeFixProvider).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .Single(f => f.FixableDiagnosticIds.Contains(id));

    private static async Task<Document> ApplyAsync(CodeAction action, Document document)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return solution.GetDocument(document.Id)!;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document, string[] ids)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers([new PayloadAnalyzer()], document.Project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return [.. diagnostics.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start)];
    }

    private static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp)
                .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .WithMetadataReferences(references))
            .AddAdditionalDocument(DocumentId.CreateNewId(projectId), "official.yaml", SourceText.From(TestSpecs.Official), filePath: TestSpecs.OfficialPath)
            .AddAdditionalDocument(DocumentId.CreateNewId(projectId), "beta.yaml", SourceText.From(TestSpecs.Beta), filePath: TestSpecs.BetaPath)
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(TestSpecs.GlobalConfig), filePath: "/.globalconfig");
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Payloads.cs", SourceText.From(source), filePath: "/src/Payloads.cs");
        return solution.GetDocument(documentId)!;
    }

    /// <summary>dotnet format's provider: the diagnostics it computed, whatever the document's current text.</summary>
    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>([]);
    }
}
