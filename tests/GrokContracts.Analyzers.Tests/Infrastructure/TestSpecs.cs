using System;
using System.IO;

namespace GrokContracts.Analyzers.Tests.Infrastructure;

/// <summary>
/// The shipped specs, as the analyzer sees them in a consumer: AdditionalFiles tagged by a global config with
/// GrokContract=true, shipped, and not generated (their types come from the referenced GrokContracts.dll).
/// </summary>
internal static class TestSpecs
{
    public const string OfficialPath = "/spec/grok-imagine-video-1.5-official.yaml";
    public const string BetaPath = "/spec/grok-imagine-video-1.5-beta.yaml";

    public static readonly string Official = Read("grok-imagine-video-1.5-official.yaml");
    public static readonly string Beta = Read("grok-imagine-video-1.5-beta.yaml");

    public static readonly string GlobalConfig =
        "is_global = true\n\n" +
        "[" + OfficialPath + "]\nbuild_metadata.AdditionalFiles.GrokContract = true\nbuild_metadata.AdditionalFiles.GrokContractShipped = true\nbuild_metadata.AdditionalFiles.GrokContractGenerate = false\n\n" +
        "[" + BetaPath + "]\nbuild_metadata.AdditionalFiles.GrokContract = true\nbuild_metadata.AdditionalFiles.GrokContractShipped = true\nbuild_metadata.AdditionalFiles.GrokContractGenerate = false\n";

    public static string RepoFile(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GrokContracts.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("GrokContracts.sln not found above " + AppContext.BaseDirectory);
        }

        return Path.Combine(directory.FullName, Path.Combine(parts));
    }

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "specs", name));
}
