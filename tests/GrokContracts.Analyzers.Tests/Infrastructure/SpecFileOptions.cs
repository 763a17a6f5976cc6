using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Analyzers.Tests.Infrastructure;

/// <summary>A spec as an additional file, its text made once (so the parse cache sees one checksum per text).</summary>
internal sealed class SpecText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// The MSBuild metadata the package gives spec items, for analyzer tests that build <see cref="AnalyzerOptions"/>
/// by hand: every additional file is a contract spec (unless <paramref name="tagged"/> is false), and the paths in
/// <paramref name="shipped"/> are shipped specs.
/// </summary>
internal sealed class SpecMetadata(bool tagged = true, ImmutableHashSet<string>? shipped = null) : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions None = new Options(false, false);

    public override AnalyzerConfigOptions GlobalOptions => None;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(tagged, shipped?.Contains(textFile.Path) ?? false);

    private sealed class Options(bool contract, bool shipped) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = key switch
            {
                "build_metadata.AdditionalFiles.GrokContract" when contract => "true",
                "build_metadata.AdditionalFiles.GrokContractShipped" when shipped => "true",
                "build_metadata.AdditionalFiles.GrokContractGenerate" when shipped => "false",
                _ => null,
            };
            return value is not null;
        }
    }
}
