namespace GrokContracts.Spec;

/// <summary>A 1-based line and column in a spec file.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column (in UTF-16 code units).</param>
public readonly record struct SpecPosition(int Line, int Column);

/// <summary>A problem with a spec file (GRK1xx), at a position in that file.</summary>
/// <param name="Id">Stable diagnostic id, one of <see cref="SpecDiagnosticIds"/>.</param>
/// <param name="Message">Human-readable message naming the key and the problem.</param>
/// <param name="FilePath">Path of the spec file as given to the parser.</param>
/// <param name="Start">Start of the offending text.</param>
/// <param name="End">End of the offending text (exclusive; equal to <paramref name="Start"/> when unknown).</param>
public sealed record SpecDiagnostic(string Id, string Message, string FilePath, SpecPosition Start, SpecPosition End)
{
    /// <summary>MSBuild-style text: <c>file(line,col): error GRKnnn: message</c>.</summary>
    public override string ToString() => $"{FilePath}({Start.Line},{Start.Column}): error {Id}: {Message}";
}

/// <summary>The ids of spec-file diagnostics.</summary>
public static class SpecDiagnosticIds
{
    /// <summary>The spec is not parseable YAML/JSON, too large, too deep, or uses anchors/aliases.</summary>
    public const string NotParseable = "GRK100";

    /// <summary>The spec does not follow the spec schema (unknown key, wrong type, missing key).</summary>
    public const string SchemaViolation = "GRK101";

    /// <summary>The spec is inconsistent (default outside range, min &gt; max, duplicate or invalid C# names, unknown references).</summary>
    public const string Inconsistent = "GRK102";

    /// <summary>Two specs declare the same model id.</summary>
    public const string DuplicateModel = "GRK103";
}

/// <summary>The result of reading one spec file: a contract when it is usable, and every diagnostic found.</summary>
/// <param name="Contract">The contract, or null when the spec has errors.</param>
/// <param name="Diagnostics">Diagnostics in file order.</param>
public sealed record SpecParseResult(Contract? Contract, EquatableArray<SpecDiagnostic> Diagnostics)
{
    /// <summary>Path of the spec file as given to the parser.</summary>
    public string FilePath { get; init; } = string.Empty;

    /// <summary>
    /// The <c>model:</c> value when it could be read, even if the spec has other errors (so a broken project spec
    /// still claims its model id in a <see cref="ContractCatalog"/>); null otherwise.
    /// </summary>
    public string? ModelId { get; init; }

    /// <summary>Where the <c>model:</c> value is (for GRK103); kept here because <see cref="Contract"/> is position-free.</summary>
    public SpecSpan? ModelIdSpan { get; init; }

    /// <summary>True when any diagnostic was reported (all spec diagnostics are errors).</summary>
    public bool HasErrors => Diagnostics.Count > 0;
}

/// <summary>A start and (exclusive) end position in a spec file.</summary>
/// <param name="Start">Start position.</param>
/// <param name="End">End position (exclusive).</param>
public readonly record struct SpecSpan(SpecPosition Start, SpecPosition End);
