using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>
/// The GrokContracts package, packed once per test run (every test class awaits the same pack) into a temporary
/// folder feed. Consumers restore into one restore folder per repository clone (<c>artifacts/package-tests/packages</c>)
/// from which this run first removes any <c>grokcontracts</c> entry: the package under test is always the one just
/// packed, while its dependencies stay cached between runs.
/// </summary>
public sealed class PackedPackage
{
    public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    private static readonly Lazy<Task<PackedPackage>> Instance = new(PackAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int s_consumerCount;

    private PackedPackage(string workRoot, string feed, string restoreRoot, string version, ProcessResult pack)
    {
        WorkRoot = workRoot;
        Feed = feed;
        RestoreRoot = restoreRoot;
        Version = version;
        Pack = pack;
    }

    /// <summary>Repository root (from the test assembly's metadata).</summary>
    public static string RepoRoot { get; } = Path.GetFullPath(Metadata("GrokContracts.RepoRoot"));

    /// <summary>Version of everything the repository ships, from Directory.Build.props.</summary>
    public static string ExpectedVersion { get; } = Metadata("GrokContracts.PackageVersion");

    public static string SpecDirectory => Path.Combine(RepoRoot, "spec");

    /// <summary>This run's temporary folder: the feed and every consumer project.</summary>
    public string WorkRoot { get; }

    public string Feed { get; }

    public string RestoreRoot { get; }

    public string Version { get; }

    /// <summary>The <c>dotnet pack</c> run that made the package.</summary>
    public ProcessResult Pack { get; }

    public string NupkgPath => Path.Combine(Feed, $"GrokContracts.{Version}.nupkg");

    public string SnupkgPath => Path.Combine(Feed, $"GrokContracts.{Version}.snupkg");

    public static Task<PackedPackage> GetAsync() => Instance.Value;

    /// <summary>The text of one entry of the .nupkg (e.g. <c>specs/grok-imagine-video-1.5-official.yaml</c>).</summary>
    public string ReadEntry(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(NupkgPath);
        var entry = zip.GetEntry(path) ?? throw new FileNotFoundException("not in the package: " + path);
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>An entry of the .nupkg extracted to a fresh folder of this run.</summary>
    public string ExtractEntry(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(NupkgPath);
        var entry = zip.GetEntry(path) ?? throw new FileNotFoundException("not in the package: " + path);
        var target = Path.Combine(NewDirectory("entry"), entry.Name);
        entry.ExtractToFile(target);
        return target;
    }

    /// <summary>A fresh folder under this run's work root.</summary>
    public string NewDirectory(string name)
    {
        var path = Path.Combine(WorkRoot, $"{name}-{Interlocked.Increment(ref s_consumerCount)}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static async Task<PackedPackage> PackAsync()
    {
        var workRoot = Path.Combine(Path.GetTempPath(), "grokcontracts-e2e", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        var feed = Path.Combine(workRoot, "feed");
        Directory.CreateDirectory(feed);
        if (Environment.GetEnvironmentVariable("GROK_E2E_KEEP") != "1")
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(workRoot);
        }

        var restoreRoot = Path.Combine(RepoRoot, "artifacts", "package-tests", "packages");
        Directory.CreateDirectory(restoreRoot);
        // A package of the same id and version extracted by an earlier run would win over the new .nupkg.
        TryDelete(Path.Combine(restoreRoot, "grokcontracts"));

        var project = Path.Combine(RepoRoot, "src", "GrokContracts", "GrokContracts.csproj");
        var pack = await ProcessRunner.RunDotnetAsync(
            RepoRoot,
            new[] { "pack", project, "-c", "Release", "-o", feed, "--nologo", "-v", "q", "-tl:off", "-nodeReuse:false" },
            PackTimeout);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + pack);
        }

        var nupkg = Directory.GetFiles(feed, "GrokContracts.*.nupkg").SingleOrDefault()
            ?? throw new InvalidOperationException("dotnet pack made no GrokContracts .nupkg:\n" + pack);
        var version = Path.GetFileNameWithoutExtension(nupkg)["GrokContracts.".Length..];
        return new PackedPackage(workRoot, feed, restoreRoot, version, pack);
    }

    private static string Metadata(string key) =>
        typeof(PackedPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException("missing assembly metadata " + key);

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
