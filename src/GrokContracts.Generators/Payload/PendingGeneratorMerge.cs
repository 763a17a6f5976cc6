// TEMPORARY: GRK100-GRK103 are listed in AnalyzerReleases.Unshipped.md but their analyzer (SpecFileAnalyzer)
// lives on branch generator. Deleted by the merge of that branch.
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("MicrosoftCodeAnalysisReleaseTracking", "RS2002", Justification = "SpecFileAnalyzer is on branch generator, not merged yet.")]
