using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>
/// What MSBuild hands the compiler for a consumer project, built by hand: sources, the packed runtime library,
/// the spec files as AdditionalFiles with the item metadata the package's props make compiler-visible.
/// </summary>
public sealed class ConsumerCompilation
{
    /// <summary>The newest language version Roslyn 4.8 (.NET 8 SDK) knows.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public ConsumerCompilation(CSharpCompilation compilation, ImmutableArray<AdditionalText> additionalFiles, AnalyzerConfigOptionsProvider options)
    {
        Compilation = compilation;
        AdditionalFiles = additionalFiles;
        ConfigOptions = options;
    }

    public CSharpCompilation Compilation { get; }

    public ImmutableArray<AdditionalText> AdditionalFiles { get; }

    public AnalyzerConfigOptionsProvider ConfigOptions { get; }

    /// <param name="runtimeLibrary">The packed lib/net8.0/GrokContracts.dll.</param>
    /// <param name="specs">(path, text, shipped) of each spec.</param>
    public static ConsumerCompilation Create(string runtimeLibrary, IEnumerable<(string Path, string Text)> sources, IEnumerable<(string Path, string Text, bool Shipped)> specs)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(p => MetadataReference.CreateFromFile(p));
        var references = platform.Append(MetadataReference.CreateFromFile(runtimeLibrary)).ToList();
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text), ParseOptions, s.Path)).ToList();
        var compilation = CSharpCompilation.Create(
            "Consumer",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var files = new List<AdditionalText>();
        var perFile = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (path, text, shipped) in specs)
        {
            files.Add(new InMemoryAdditionalText(path, text));
            perFile[path] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["build_metadata.AdditionalFiles.GrokContract"] = "true",
                ["build_metadata.AdditionalFiles.GrokContractShipped"] = shipped ? "true" : string.Empty,
                ["build_metadata.AdditionalFiles.GrokContractNamespace"] = string.Empty,
                ["build_metadata.AdditionalFiles.GrokContractVisibility"] = string.Empty,
            };
        }

        return new ConsumerCompilation(compilation, files.ToImmutableArray(), new OptionsProvider(perFile));
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(Dictionary<string, Dictionary<string, string>> perFile) : AnalyzerConfigOptionsProvider
    {
        private static readonly MetadataOptions Empty = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            perFile.TryGetValue(textFile.Path, out var values) ? new MetadataOptions(values) : Empty;
    }

    private sealed class MetadataOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
