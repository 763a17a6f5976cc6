using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Generators;
using GrokContracts.Generators.Payload;
using GrokContracts.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokContracts.AnalyzerCost;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/GrokContracts.AnalyzerCost [-- --sizes 100,400,1600 --rounds 5]</c>:
/// prints the markdown tables of docs/performance.md, item 3.
/// </summary>
/// <remarks>
/// Every pass compiles a fresh <see cref="CSharpCompilation"/> from the same parsed trees (nothing is cached by the
/// compilation) and asks for all diagnostics — what a build does — and is timed by the process's CPU time, so other
/// processes on the machine do not count. Passes of the configurations alternate within each round (the order
/// rotates), so drift spreads over all of them; medians over rounds are reported. Analysis is not concurrent and
/// tiered compilation is off, so the figures are comparable CPU work.
/// </remarks>
public static class Program
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static async Task<int> Main(string[] args)
    {
        var sizes = Option(args, "--sizes", "100,400,1600").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var rounds = int.Parse(Option(args, "--rounds", "5"), CultureInfo.InvariantCulture);

        var specs = new[] { TestSpecs.Official, TestSpecs.Beta };
        var options = new AnalyzerOptions([.. specs.Select(s => (AdditionalText)new TestAdditionalText(s.Path, s.Text))], TestOptionsProvider.For(specs));
        var references = References();
        var generated = Generate(specs, references);

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {CpuModel()}, .NET {Environment.Version}, Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}");
        Console.WriteLine($"Rounds per size: {rounds} (medians of process CPU time; each configuration once per round, order rotated)\n");

        var ours = ImmutableArray.Create<DiagnosticAnalyzer>(new PayloadAnalyzer());
        var noOpOperation = new NoOpOperationAnalyzer();
        var noOpSyntax = new NoOpSyntaxAnalyzer();
        var configurations = new (string Name, ImmutableArray<DiagnosticAnalyzer>? Analyzers)[]
        {
            ("binding only", null),
            ("no-op operation analyzer", [noOpOperation]),
            ("no-op operation analyzer + ours", [noOpOperation, .. ours]),
            ("ours alone", ours),
            ("no-op syntax-node analyzer", [noOpSyntax]),
        };

        var rows = new List<string>();
        var growth = new List<string>();
        foreach (var size in sizes)
        {
            var trees = SyntheticProject.Create(size, withPayloads: true, ParseOptions).Concat(generated).ToList();
            var lines = trees.Sum(t => t.GetText().Lines.Count);
            var medians = await MeasureAsync(configurations, trees, references, options, rounds);
            var (perFile, diagnostics) = await AnalyzerTimeAsync(ours, [], trees, references, options, size);
            var (perFileWithOperations, _) = await AnalyzerTimeAsync(ours, [noOpOperation], trees, references, options, size);
            var (noOpSyntaxPerFile, _) = await AnalyzerTimeAsync([noOpSyntax], [noOpOperation], trees, references, options, size);

            double Ratio(int a, int b) => medians[a].Median / medians[b].Median;
            rows.Add($"| {size:N0} | {lines:N0} | {SyntheticProject.PayloadCount(size, true):N0} | {diagnostics:N0} | {Ms(medians[0])} | {Ms(medians[1])} | {Ms(medians[2])} | **{Ratio(2, 1):0.000}×** | {Ms(medians[3])} | {Ratio(3, 0):0.000}× | {Ms(medians[4])} ({Ratio(4, 0):0.00}×) | {Ratio(1, 0):0.00}× | {perFile:0.000} ms / {perFileWithOperations:0.000} ms |");
            growth.Add($"| {size:N0} | {medians[2].Median - medians[1].Median:0} ms | {(medians[2].Median - medians[1].Median) / size:0.000} ms | {perFile:0.000} ms | {perFileWithOperations:0.000} ms | {noOpSyntaxPerFile:0.000} ms |");
            Console.Error.WriteLine($"  {size} files done");
        }

        Console.WriteLine("| files | lines | payloads | GRK diagnostics | binding only | no-op operation analyzer (A) | A + ours (B) | **B / A** | ours alone (C) | C / binding | no-op syntax-node analyzer | A / binding | our analyzer time per file: alone / next to A |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);

        Console.WriteLine("\nGrowth of our marginal cost (B − A) and of the analyzer time per file (`logAnalyzerExecutionTime`):\n");
        Console.WriteLine("| files | B − A | per file | analyzer time per file, alone | next to A (binding already paid) | a no-op syntax-node analyzer next to A |");
        Console.WriteLine("|---|---|---|---|---|---|");
        growth.ForEach(Console.WriteLine);

        // A project with the package but no payloads.
        var quiet = SyntheticProject.Create(sizes[0], withPayloads: false, ParseOptions).Concat(generated).ToList();
        var quietMedians = await MeasureAsync([configurations[0], configurations[3]], quiet, references, options, rounds);
        var (quietPerFile, quietDiagnostics) = await AnalyzerTimeAsync(ours, [], quiet, references, options, sizes[0]);
        Console.WriteLine($"\nNo payloads, {sizes[0]} files: binding only {Ms(quietMedians[0])}, ours alone {Ms(quietMedians[1])} ({quietMedians[1].Median / quietMedians[0].Median:0.000}×), analyzer time per file {quietPerFile:0.0000} ms, {quietDiagnostics} diagnostics.");

        Console.WriteLine($"\nSpec parses in this process (every pass of every size above): official {KnownContracts.ParseCount(TestSpecs.OfficialPath)}, beta {KnownContracts.ParseCount(TestSpecs.BetaPath)}.");
        return 0;
    }

    private static async Task<Timing[]> MeasureAsync(
        (string Name, ImmutableArray<DiagnosticAnalyzer>? Analyzers)[] configurations, List<SyntaxTree> trees, ImmutableArray<MetadataReference> references, AnalyzerOptions options, int rounds)
    {
        var samples = configurations.Select(_ => new List<double>()).ToArray();

        // Warm-up: JIT, metadata, the spec cache.
        foreach (var configuration in configurations)
        {
            await PassAsync(configuration.Analyzers, trees, references, options);
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < configurations.Length; k++)
            {
                var index = (k + round) % configurations.Length;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                // CPU time of the process, not wall time: other processes on the machine do not count.
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                await PassAsync(configurations[index].Analyzers, trees, references, options);
                samples[index].Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
            }
        }

        return [.. samples.Select(s => new Timing(s))];
    }

    private static async Task<int> PassAsync(ImmutableArray<DiagnosticAnalyzer>? analyzers, List<SyntaxTree> trees, ImmutableArray<MetadataReference> references, AnalyzerOptions options)
    {
        var compilation = Compile(trees, references);
        if (analyzers is not { } set)
        {
            return compilation.GetDiagnostics().Length;
        }

        var withAnalyzers = compilation.WithAnalyzers(set, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        return (await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None)).Length;
    }

    /// <summary>
    /// <paramref name="analyzers"/>' execution time per file as Roslyn logs it (<c>logAnalyzerExecutionTime</c>),
    /// optionally next to <paramref name="others"/>: alone, their callbacks pay for binding the method bodies they
    /// ask the semantic model about; next to an operation analyzer that binding is already done.
    /// </summary>
    private static async Task<(double PerFile, int Diagnostics)> AnalyzerTimeAsync(
        ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<DiagnosticAnalyzer> others, List<SyntaxTree> trees, ImmutableArray<MetadataReference> references, AnalyzerOptions options, int files)
    {
        var withAnalyzers = Compile(trees, references).WithAnalyzers([.. others, .. analyzers], new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        _ = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var total = TimeSpan.Zero;
        foreach (var analyzer in analyzers)
        {
            total += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
        }

        if (diagnostics.Any(d => d.Id == "AD0001"))
        {
            throw new InvalidOperationException("AD0001: " + diagnostics.First(d => d.Id == "AD0001"));
        }

        return (total.TotalMilliseconds / files, diagnostics.Count(d => d.Id.StartsWith("GRK", StringComparison.Ordinal)));
    }

    private static CSharpCompilation Compile(List<SyntaxTree> trees, ImmutableArray<MetadataReference> references) =>
        CSharpCompilation.Create("Consumer", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The generated API of the shipped specs, as syntax trees (what the generator adds to a consumer).</summary>
    private static List<SyntaxTree> Generate(SpecInput[] specs, ImmutableArray<MetadataReference> references)
    {
        var driver = CSharpGeneratorDriver.Create(
            [new ContractGenerator().AsSourceGenerator()],
            specs.Select(s => (AdditionalText)new TestAdditionalText(s.Path, s.Text)),
            ParseOptions,
            TestOptionsProvider.For(specs));
        driver.RunGeneratorsAndUpdateCompilation(CSharpCompilation.Create("Empty", [], references), out var output, out _);
        return [.. output.SyntaxTrees];
    }

    private static ImmutableArray<MetadataReference> References()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
        var runtime = typeof(GrokContracts.IContractRequest).Assembly.Location;
        if (!paths.Any(p => Path.GetFileName(p) == Path.GetFileName(runtime)))
        {
            paths.Add(runtime);
        }

        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    private static string Ms(Timing timing) => $"{timing.Median:0} ms ±{timing.Spread:0}%";

    private sealed class Timing(List<double> samples)
    {
        public double Median { get; } = samples.Order().ElementAt(samples.Count / 2);

        /// <summary>Half the min-max range, as a percentage of the median.</summary>
        public double Spread => 50 * (samples.Max() - samples.Min()) / Median;
    }
}

/// <summary>What the SDK's own analyzers make every build pay for: operation trees, walked by a callback that does nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NoOpOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = new("NOOP001", "No-op", "No-op", "Probe", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(
            static _ => { },
            Microsoft.CodeAnalysis.OperationKind.Invocation,
            Microsoft.CodeAnalysis.OperationKind.ObjectCreation,
            Microsoft.CodeAnalysis.OperationKind.SimpleAssignment,
            Microsoft.CodeAnalysis.OperationKind.Literal,
            Microsoft.CodeAnalysis.OperationKind.PropertyReference,
            Microsoft.CodeAnalysis.OperationKind.Return);
    }
}

/// <summary>The cheapest registration there is: a syntax-node callback that does nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NoOpSyntaxAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = new("NOOP002", "No-op", "No-op", "Probe", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.InvocationExpression, SyntaxKind.ObjectCreationExpression, SyntaxKind.StringLiteralExpression, SyntaxKind.AnonymousObjectCreationExpression);
    }
}
