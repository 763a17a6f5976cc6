using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>A spec file as the compiler sees an AdditionalFiles item.</summary>
public sealed class SpecText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);

    public static SpecText FromFile(string path) => new(path, File.ReadAllText(path));
}

/// <summary>The item metadata that the package's build/GrokContracts.Contracts.targets gives spec files.</summary>
public sealed class SpecOptionsProvider(IReadOnlyDictionary<string, ImmutableDictionary<string, string>> perFile) : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions None = new Options(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GlobalOptions => None;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        perFile.TryGetValue(textFile.Path, out var values) ? new Options(values) : None;

    /// <summary>A spec item's metadata as the package's targets write it: shipped specs are checked, not generated (GrokContracts.dll declares their types).</summary>
    public static ImmutableDictionary<string, string> Spec(bool shipped) =>
        ImmutableDictionary<string, string>.Empty
            .Add("build_metadata.AdditionalFiles.GrokContract", "true")
            .Add("build_metadata.AdditionalFiles.GrokContractShipped", shipped ? "true" : "")
            .Add("build_metadata.AdditionalFiles.GrokContractGenerate", shipped ? "false" : "");

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
