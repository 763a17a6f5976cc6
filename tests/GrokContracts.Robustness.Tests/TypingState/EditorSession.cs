using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Generators;
using GrokContracts.Generators.Payload;
using GrokContracts.Generators.Tests.TestSupport;
using GrokContracts.Robustness.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Robustness.Tests.TypingState;

/// <summary>
/// What an editor does on each keystroke, for one project: re-run the generator incrementally, run every analyzer
/// (payload GRK001-009; the generator reports GRK100-103), and ask every code fix for its actions on each GRK diagnostic
/// (and compute their edits). Each step must end without an exception, AD0001, CS8785 or a swallowed bug-signalling
/// exception, within <see cref="CaseTimeout"/>.
/// </summary>
internal sealed class EditorSession
{
    /// <summary>
    /// A hang detector, not a speed check: a case takes milliseconds, but the first one of a run also JIT-compiles
    /// Roslyn, which took over 30 s on a 2-core machine busy with other builds. Only a hang reaches 2 minutes.
    /// </summary>
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromMinutes(2);

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = [new PayloadAnalyzer()];

    private static readonly ImmutableArray<CodeFixProvider> Fixers =
    [
        .. typeof(GrokContracts.CodeFixes.Rules.ClampToRangeFixer).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!),
    ];

    private static readonly Lazy<AdhocWorkspace> Workspace = new(() => new AdhocWorkspace());

    private readonly CSharpParseOptions _parseOptions = GeneratorRunner.ParseOptions();
    private readonly CSharpCompilation _emptyCompilation;
    private GeneratorDriver? _driver;
    private IReadOnlyList<SpecInput>? _driverSpecs;
    private Solution? _solution;
    private string? _solutionKey;
    private readonly Dictionary<string, DocumentId> _documentIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _computedFixes = new(StringComparer.Ordinal);

    public EditorSession()
    {
        _emptyCompilation = GeneratorRunner.CreateCompilation(_parseOptions, warningsAsErrors: false);
    }

    public static IReadOnlyList<CodeFixProvider> CodeFixes => Fixers;

    /// <summary>One keystroke: <paramref name="sources"/> are the C# files as the editor holds them, <paramref name="specs"/> the additional files.</summary>
    public async Task<CaseOutcome> RunAsync(IReadOnlyList<(string Path, string Text)> sources, IReadOnlyList<SpecInput> specs, bool wholeCompilation)
    {
        using var cancellation = new CancellationTokenSource(CaseTimeout);
        var work = Task.Run(() => RunCoreAsync(sources, specs, wholeCompilation, cancellation.Token), CancellationToken.None);
        try
        {
            // A hang that ignores the token still fails the case: the wait is bounded on our side too.
            return await work.WaitAsync(CaseTimeout + TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return CaseOutcome.Failed("hang: no result within " + (CaseTimeout + TimeSpan.FromSeconds(10)).TotalSeconds + " s, cancellation ignored");
        }
        catch (OperationCanceledException)
        {
            return CaseOutcome.Failed("timeout: cancelled after " + CaseTimeout.TotalSeconds + " s");
        }
        catch (Exception e)
        {
            return CaseOutcome.Failed("exception: " + e);
        }
    }

    private async Task<CaseOutcome> RunCoreAsync(IReadOnlyList<(string Path, string Text)> sources, IReadOnlyList<SpecInput> specs, bool wholeCompilation, CancellationToken cancellationToken)
    {
        var swallowed = SwallowedExceptions.Watch();
        var problems = new List<string>();
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text), _parseOptions, s.Path, cancellationToken)).ToList();
        var compilation = _emptyCompilation.AddSyntaxTrees(trees);

        // Generator: incremental, like the IDE, unless the additional files changed.
        var texts = specs.Select(s => (AdditionalText)new TestAdditionalText(s.Path, s.Text)).ToImmutableArray();
        if (_driver is null || !ReferenceEquals(_driverSpecs, specs))
        {
            _driver = GeneratorRunner.CreateDriver(specs, texts, _parseOptions, trackSteps: false);
            _driverSpecs = specs;
        }

        _driver = _driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out var generatorDiagnostics, cancellationToken);
        var run = _driver.GetRunResult();
        problems.AddRange(run.Results.Where(r => r.Exception is not null).Select(r => "generator exception: " + r.Exception));
        problems.AddRange(generatorDiagnostics.Where(d => d.Id is "CS8784" or "CS8785").Select(d => "generator: " + d));

        // Analyzers.
        var analyzerExceptions = new List<string>();
        var options = new AnalyzerOptions(texts, TestOptionsProvider.For(specs));
        var withAnalyzers = withGenerated.WithAnalyzers(
            Analyzers,
            new CompilationWithAnalyzersOptions(
                options,
                (exception, analyzer, diagnostic) => { lock (analyzerExceptions) { analyzerExceptions.Add(analyzer.GetType().Name + ": " + exception); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var diagnostics = new List<Diagnostic>();
        if (wholeCompilation)
        {
            diagnostics.AddRange(await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false));
        }
        else
        {
            // What the IDE asks for the open document: its syntax and semantic diagnostics, nothing else.
            foreach (var tree in trees)
            {
                diagnostics.AddRange(await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken).ConfigureAwait(false));
                diagnostics.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(withGenerated.GetSemanticModel(tree), null, cancellationToken).ConfigureAwait(false));
            }
        }

        problems.AddRange(analyzerExceptions.Select(e => "analyzer exception: " + e));
        problems.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => "AD0001: " + d));

        // Code fixes: registration and the edits of every action, on a workspace document with the same text.
        var payloadDiagnostics = diagnostics.Where(d => d.Id.StartsWith("GRK0", StringComparison.Ordinal) && d.Location.IsInSource).ToList();
        var actions = 0;
        if (payloadDiagnostics.Count > 0)
        {
            var documents = CreateDocuments(sources, run);
            foreach (var diagnostic in payloadDiagnostics)
            {
                if (!documents.TryGetValue(diagnostic.Location.SourceTree!.FilePath, out var document))
                {
                    continue;
                }

                foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var registered = new List<CodeAction>();
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => registered.Add(action), cancellationToken)).ConfigureAwait(false);
                    foreach (var action in registered)
                    {
                        // Registration runs on every keystroke; an action's edits are computed once per distinct
                        // situation (same fix, same diagnostic, same text up to a little past it), as later cuts only
                        // append text the edit does not look at.
                        if (_computedFixes.Add(FixKey(fixer, action, diagnostic, sources)))
                        {
                            await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
                            actions++;
                        }
                    }
                }
            }
        }

        problems.AddRange(SnapshotOf(swallowed).Select(e => "swallowed: " + e));
        return new CaseOutcome(problems, diagnostics.Count(d => d.Id.StartsWith("GRK", StringComparison.Ordinal)), actions);
    }

    /// <summary>
    /// The workspace documents of <paramref name="sources"/>. Like the IDE, the solution is forked from the previous
    /// keystroke's (only the text changes), so the workspace compilation the simplifier needs is updated, not rebuilt.
    /// </summary>
    private Dictionary<string, Document> CreateDocuments(IReadOnlyList<(string Path, string Text)> sources, GeneratorDriverRunResult run)
    {
        var generated = run.Results.SelectMany(r => r.GeneratedSources).ToList();
        var key = string.Join("|", sources.Select(s => s.Path)) + "|" + string.Join("|", generated.Select(g => g.HintName + ":" + Convert.ToBase64String([.. g.SourceText.GetChecksum()])));
        if (_solution is null || key != _solutionKey)
        {
            var projectId = ProjectId.CreateNewId();
            var solution = Workspace.Value.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Typing", "Typing", LanguageNames.CSharp)
                    .WithCompilationOptions(_emptyCompilation.Options)
                    .WithParseOptions(_parseOptions)
                    .WithMetadataReferences(GeneratorRunner.References));
            _documentIds.Clear();
            foreach (var (path, text) in sources)
            {
                var id = DocumentId.CreateNewId(projectId);
                solution = solution.AddDocument(id, System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path);
                _documentIds[path] = id;
            }

            // The generated API as plain documents, so fixes that bind (the simplifier) see the typed requests.
            foreach (var source in generated)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), source.HintName, source.SourceText, filePath: "/generated/" + source.HintName);
            }

            _solution = solution;
            _solutionKey = key;
        }
        else
        {
            foreach (var (path, text) in sources)
            {
                _solution = _solution.WithDocumentText(_documentIds[path], SourceText.From(text));
            }
        }

        var current = _solution;
        return _documentIds.ToDictionary(p => p.Key, p => current.GetDocument(p.Value)!);
    }

    private string FixKey(CodeFixProvider fixer, CodeAction action, Diagnostic diagnostic, IReadOnlyList<(string Path, string Text)> sources)
    {
        var span = diagnostic.Location.SourceSpan;
        var context = string.Concat(sources.Select(s => s.Path + "\0" + (s.Path == diagnostic.Location.SourceTree!.FilePath ? s.Text[..Math.Min(s.Text.Length, span.End + 256)] : s.Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var properties = string.Join(";", diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        return _solutionKey!.GetHashCode(StringComparison.Ordinal) + "|" + fixer.GetType().Name + "|" + action.Title + "|" + diagnostic.Id + "|" + span + "|" + properties + "|" + context;
    }

    private static List<string> SnapshotOf(List<string> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }
}

/// <summary>The result of one case: what went wrong (nothing, we hope), how many GRK diagnostics and fix actions it exercised.</summary>
internal sealed record CaseOutcome(IReadOnlyList<string> Problems, int PayloadDiagnostics, int FixActions)
{
    public static CaseOutcome Failed(string problem) => new([problem], 0, 0);
}
