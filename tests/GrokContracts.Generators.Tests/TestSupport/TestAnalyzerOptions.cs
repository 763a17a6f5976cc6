using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GrokContracts.Generators.Tests.TestSupport;

/// <summary>An additional file with fixed text.</summary>
internal sealed class TestAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
}

/// <summary>Per-file options keyed by path, as MSBuild gives them (<c>build_metadata.AdditionalFiles.*</c>).</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byPath) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => byPath.TryGetValue(textFile.Path, out var options) ? new DictionaryOptions(options) : GlobalOptions;

    public static TestOptionsProvider For(IEnumerable<SpecInput> specs)
        => new(specs.ToDictionary(s => s.Path, s => (IReadOnlyDictionary<string, string>)MetadataOf(s)));

    public static Dictionary<string, string> MetadataOf(SpecInput spec)
    {
        var metadata = new Dictionary<string, string>();
        if (spec.IsContract)
        {
            metadata["build_metadata.AdditionalFiles.GrokContract"] = "true";
            metadata["build_metadata.AdditionalFiles.GrokContractShipped"] = spec.Shipped ? "true" : string.Empty;
            metadata["build_metadata.AdditionalFiles.GrokContractNamespace"] = spec.Namespace ?? string.Empty;
            metadata["build_metadata.AdditionalFiles.GrokContractVisibility"] = spec.Visibility ?? string.Empty;
            if (!spec.Generate)
            {
                metadata["build_metadata.AdditionalFiles.GrokContractGenerate"] = "false";
            }
        }

        return metadata;
    }

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
