using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace GrokContracts.Package.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packed GrokContracts";
}

/// <summary>
/// Packs the four packages (<c>dotnet pack GrokContracts.sln</c>: GrokContracts, GrokContracts.Client,
/// GrokContracts.Emulator and the GrokContracts.Cli tool) once per test run into a temporary folder feed and consumes
/// them from fresh projects. Each run has its own packages folder (<c>NUGET_PACKAGES</c>), so a package cached by an earlier run
/// can never stand in for the one just packed; the consumers' <c>nuget.config</c> maps <c>GrokContracts</c> and
/// <c>GrokContracts.*</c> to the temporary feed only. The consumer builds start together as soon as the package exists (at most two at a time)
/// and each test awaits the one it asserts on.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime, IDisposable
{
    public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(12);
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(6);

    private readonly SemaphoreSlim _buildSlots = new(2);
    private readonly ConcurrentQueue<DotnetResult> _consumerRuns = new();

    public PackedFeed()
    {
        RepoRoot = FindRepoRoot();
        Configuration = Metadata("GrokContracts.Configuration") ?? "Debug";
        Root = Path.Combine(Path.GetTempPath(), "grokcontracts-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        FeedDirectory = Path.Combine(Root, "feed");
        PackagesDirectory = Path.Combine(Root, "packages");
        ExtractedDirectory = Path.Combine(Root, "extracted");
        ConsumersDirectory = Path.Combine(Root, "consumers");
    }

    public string RepoRoot { get; }

    /// <summary>The shipped official spec's text, which consumers' own specs are made from.</summary>
    public string OfficialSpec => File.ReadAllText(Path.Combine(RepoRoot, "spec", "grok-imagine-video-1.5-official.yaml"));

    public string Configuration { get; }

    public string Root { get; }

    public string FeedDirectory { get; }

    public string PackagesDirectory { get; }

    public string ExtractedDirectory { get; }

    public string ConsumersDirectory { get; }

    public string PackagePath { get; private set; } = "";

    public string Version { get; private set; } = "";

    public DotnetResult Pack { get; private set; } = null!;

    /// <summary>Every consumer-side dotnet invocation that has finished so far.</summary>
    public IReadOnlyCollection<DotnetResult> ConsumerRuns => _consumerRuns;

    public Task<DotnetResult> TypedRun { get; private set; } = null!;

    public Task<DotnetResult> RulesBuild { get; private set; } = null!;

    public Task<CodeFixRun> CodeFixes { get; private set; } = null!;

    public Task<DotnetResult> SpecErrorsBuild { get; private set; } = null!;

    public Task<DotnetResult> ContractsOnlyRun { get; private set; } = null!;

    public Task<SolutionBuilds> LibraryAndApps { get; private set; } = null!;

    public Task<DotnetResult> EmulatorTestRun { get; private set; } = null!;

    public Task<ToolRun> Tool { get; private set; } = null!;

    /// <summary>Every consumer task, for the tests that look at all consumer runs.</summary>
    public Task AllConsumers => Task.WhenAll(TypedRun, RulesBuild, CodeFixes, SpecErrorsBuild, ContractsOnlyRun, LibraryAndApps, EmulatorTestRun, Tool);

    /// <summary>The path of a package in the feed by id (exact id, not a prefix).</summary>
    public string PackageOf(string id) => Path.Combine(FeedDirectory, id + "." + Version + ".nupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(ConsumersDirectory);
        // Nothing above the consumers (e.g. a Directory.Build.props in /tmp) may change their build.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");

        Pack = await DotnetCli.RunAsync(
            RepoRoot,
            new Dictionary<string, string?>(),
            PackTimeout,
            "pack", Path.Combine(RepoRoot, "GrokContracts.sln"),
            "-c", Configuration, "-o", FeedDirectory, "--nologo", "-tl:off", "--disable-build-servers").ConfigureAwait(false);
        if (Pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + Pack);
        }

        PackagePath = Directory.GetFiles(FeedDirectory, "GrokContracts.*.nupkg")
            .Single(p => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(p), @"^GrokContracts\.[0-9][^/]*\.nupkg$"));
        ZipFile.ExtractToDirectory(PackagePath, ExtractedDirectory);
        var nuspec = XDocument.Load(Path.Combine(ExtractedDirectory, "GrokContracts.nuspec"));
        Version = nuspec.Descendants().First(e => e.Name.LocalName == "version").Value;

        TypedRun = Slot(() => Consumers.RunTypedAsync(this));
        RulesBuild = Slot(() => Consumers.BuildRulesAsync(this));
        CodeFixes = Slot(() => Consumers.ApplyCodeFixesAsync(this));
        SpecErrorsBuild = Slot(() => Consumers.BuildSpecErrorsAsync(this));
        ContractsOnlyRun = Slot(() => Consumers.RunContractsOnlyAsync(this));
        LibraryAndApps = Slot(() => SolutionConsumers.BuildAsync(this));
        EmulatorTestRun = Slot(() => SolutionConsumers.TestWithEmulatorAsync(this));
        Tool = Slot(() => SolutionConsumers.InstallToolAsync(this));
    }

    public async Task DisposeAsync()
    {
        // A filtered run awaits only some consumers; the others are still building. Wait for them (each is bounded
        // by its own timeout, which kills its process tree) so no `dotnet` outlives the test run in a deleted folder.
        foreach (var run in new Task?[] { TypedRun, RulesBuild, CodeFixes, SpecErrorsBuild, ContractsOnlyRun, LibraryAndApps, EmulatorTestRun, Tool })
        {
            if (run is not null)
            {
                try
                {
                    await run.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The test that awaits it reports the failure; here it only has to be over.
                }
            }
        }

        if (Environment.GetEnvironmentVariable("GROKCONTRACTS_E2E_KEEP") is null)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    public void Dispose() => _buildSlots.Dispose();

    /// <summary>A fresh consumer folder with a nuget.config that takes GrokContracts from the temporary feed only.</summary>
    public string CreateConsumer(string name)
    {
        var directory = Path.Combine(ConsumersDirectory, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="grokcontracts-e2e" value="{FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="grokcontracts-e2e"><package pattern="GrokContracts" /><package pattern="GrokContracts.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        return directory;
    }

    /// <summary>Runs dotnet in a consumer folder with this run's isolated packages folder, and records the result.</summary>
    public async Task<DotnetResult> RunConsumerAsync(string directory, params string[] arguments)
    {
        var result = await DotnetCli.RunAsync(
            directory,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = PackagesDirectory },
            BuildTimeout,
            arguments).ConfigureAwait(false);
        _consumerRuns.Enqueue(result);
        return result;
    }

    /// <summary>Runs a program other than dotnet (an installed tool) in a consumer folder, and records the result.</summary>
    public async Task<DotnetResult> RunProgramAsync(string directory, string fileName, params string[] arguments)
    {
        var result = await DotnetCli.RunProgramAsync(
            fileName,
            directory,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = PackagesDirectory, ["DOTNET_ROOT"] = DotnetRoot },
            BuildTimeout,
            arguments).ConfigureAwait(false);
        _consumerRuns.Enqueue(result);
        return result;
    }

    /// <summary>The .NET installation the tests run on (shared/Microsoft.NETCore.App/&lt;version&gt;/ is three levels down).</summary>
    public static string DotnetRoot { get; } =
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    /// <summary>A central package version of the repository (Directory.Packages.props), for consumers' other packages.</summary>
    public string CentralVersion(string id) =>
        XDocument.Load(Path.Combine(RepoRoot, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == id).Attribute("Version")!.Value;

    private async Task<T> Slot<T>(Func<Task<T>> run)
    {
        await _buildSlots.WaitAsync().ConfigureAwait(false);
        try
        {
            return await run().ConfigureAwait(false);
        }
        finally
        {
            _buildSlots.Release();
        }
    }

    private static string? Metadata(string key) =>
        typeof(PackedFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    private static string FindRepoRoot()
    {
        var fromBuild = Metadata("GrokContracts.RepoRoot");
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "GrokContracts.sln")))
        {
            return Path.GetFullPath(fromBuild);
        }
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GrokContracts.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("GrokContracts.sln not found above " + AppContext.BaseDirectory);
    }
}
