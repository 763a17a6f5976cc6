namespace GrokContracts.Generators;

/// <summary>
/// Names of the generator's pipeline steps (<c>WithTrackingName</c>), so tests can assert that each step
/// is cached when unrelated inputs change.
/// </summary>
internal static class TrackingNames
{
    /// <summary>Every additional file reduced to a <c>SpecFile</c>, or null when it is not a contract spec.</summary>
    public const string AdditionalFiles = nameof(AdditionalFiles);

    /// <summary>The additional files that are contract specs (null entries dropped).</summary>
    public const string SpecFilter = nameof(SpecFilter);

    /// <summary>Spec files (AdditionalFiles with <c>GrokContract=true</c>) with their text and MSBuild metadata.</summary>
    public const string SpecFiles = nameof(SpecFiles);

    /// <summary>Each spec file parsed into an equatable contract (null when the spec has errors).</summary>
    public const string ParsedSpecs = nameof(ParsedSpecs);

    /// <summary>The C# language version of the compilation, as an int (e.g. 703, 800, 1200).</summary>
    public const string LanguageVersion = nameof(LanguageVersion);

    /// <summary>All parsed specs resolved to the contracts to generate (precedence, duplicates, hint names).</summary>
    public const string ContractSelection = nameof(ContractSelection);

    /// <summary>One contract to generate, flattened from <see cref="ContractSelection"/>.</summary>
    public const string Contracts = nameof(Contracts);

    /// <summary>One contract to generate, combined with the language version: the input of the emitter.</summary>
    public const string ContractsToEmit = nameof(ContractsToEmit);

    /// <summary>One spec's own diagnostics (GRK100-GRK102), reported by the generator.</summary>
    public const string SpecDiagnostics = nameof(SpecDiagnostics);

    /// <summary>The catalog's diagnostics (GRK103), reported by the generator.</summary>
    public const string CatalogDiagnostics = nameof(CatalogDiagnostics);

    /// <summary>The contracts whose request type a referenced assembly already declares (GRK104; not generated again).</summary>
    public const string ReferencedDeclarations = nameof(ReferencedDeclarations);

    /// <summary>The GRK104s of the contracts in <see cref="ReferencedDeclarations"/>, at their specs' <c>model:</c> values.</summary>
    public const string ReferenceDiagnostics = nameof(ReferenceDiagnostics);

    /// <summary>Every tracking name, for tests.</summary>
    public static readonly string[] All =
    [
        AdditionalFiles,
        SpecFilter,
        SpecFiles,
        ParsedSpecs,
        LanguageVersion,
        ContractSelection,
        Contracts,
        ContractsToEmit,
        SpecDiagnostics,
        CatalogDiagnostics,
        ReferencedDeclarations,
        ReferenceDiagnostics,
    ];
}
