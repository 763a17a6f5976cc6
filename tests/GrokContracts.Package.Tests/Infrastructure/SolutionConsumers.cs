using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>The two builds of the library + app solution: the app with its own package reference and without.</summary>
public sealed record SolutionBuilds(DotnetResult Direct, DotnetResult Transitive);

/// <summary>The tool installed into a tool path, its <c>--help</c>, and its <c>batch</c> against its own <c>serve</c>.</summary>
public sealed record ToolRun(DotnetResult Install, DotnetResult Help, DotnetResult Batch);

/// <summary>Consumers made of several projects or packages: library + apps, a user test project, the tool.</summary>
public static class SolutionConsumers
{
    /// <summary>The library's public API takes and returns the shipped typed request.</summary>
    public const string LibrarySource = """
        using GrokContracts.GrokImagineVideo15Official;

        namespace Lib
        {
            public static class Renderer
            {
                public static string Describe(VideoGenerationRequest request) => request.ToJson();

                public static VideoGenerationRequest Default() =>
                    new VideoGenerationRequest("From the library", "https://images.example.com/lib.jpg");
            }
        }
        """;

    /// <summary>The app builds its own request and passes it to the library (CS1503 if the types were two).</summary>
    public const string AppSource = """
        using System;
        using GrokContracts.GrokImagineVideo15Official;

        var mine = new VideoGenerationRequest("From the app", "https://images.example.com/app.jpg").WithDuration(6);
        Console.WriteLine(Lib.Renderer.Describe(mine));
        Console.WriteLine(Lib.Renderer.Describe(Lib.Renderer.Default().WithDuration(5)));
        Console.WriteLine(Mistake.Payload);
        """;

    /// <summary>A raw payload in the app that breaks the shipped contract: GRK001 in either app.</summary>
    public static readonly string MistakeSource = Consumers.OfficialPayloadClass("Mistake", "duration = 20");

    /// <summary>Lib (netstandard2.0, GrokContracts) + AppDirect (Lib and GrokContracts) + AppTransitive (Lib only).</summary>
    public static async Task<SolutionBuilds> BuildAsync(PackedFeed feed)
    {
        var root = feed.CreateConsumer("solution");
        var lib = Directory.CreateDirectory(Path.Combine(root, "Lib")).FullName;
        File.WriteAllText(Path.Combine(lib, "Lib.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="GrokContracts" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(lib, "Renderer.cs"), LibrarySource);
        foreach (var (name, ownReference) in new[] { ("AppDirect", true), ("AppTransitive", false) })
        {
            var app = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
            var reference = ownReference ? $"""<PackageReference Include="GrokContracts" Version="{feed.Version}" />""" : "";
            File.WriteAllText(Path.Combine(app, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="../Lib/Lib.csproj" />
                    {reference}
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), AppSource);
            File.WriteAllText(Path.Combine(app, "Mistake.cs"), MistakeSource);
        }

        var direct = await feed.RunConsumerAsync(root, "build", "AppDirect/AppDirect.csproj", "--nologo", "-tl:off", "--disable-build-servers").ConfigureAwait(false);
        var transitive = await feed.RunConsumerAsync(root, "build", "AppTransitive/AppTransitive.csproj", "--nologo", "-tl:off", "--disable-build-servers").ConfigureAwait(false);
        return new SolutionBuilds(direct, transitive);
    }

    /// <summary>
    /// A user's xunit project with GrokContracts.Client and GrokContracts.Emulator: the fixture and test class of
    /// docs/emulator.md, verbatim, under <c>dotnet test</c>, with a project spec of its own loaded by the emulator.
    /// </summary>
    public static async Task<DotnetResult> TestWithEmulatorAsync(PackedFeed feed)
    {
        var directory = feed.CreateConsumer("usertests");
        File.WriteAllText(Path.Combine(directory, "UserTests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="GrokContracts.Client" Version="{feed.Version}" />
                <PackageReference Include="GrokContracts.Emulator" Version="{feed.Version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{feed.CentralVersion("Microsoft.NET.Test.Sdk")}" />
                <PackageReference Include="xunit" Version="{feed.CentralVersion("xunit")}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{feed.CentralVersion("xunit.runner.visualstudio")}" />
              </ItemGroup>
              <ItemGroup>
                <GrokContractSpec Include="contracts/*.yaml" />
                <None Include="contracts/*.yaml" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        Directory.CreateDirectory(Path.Combine(directory, "contracts"));
        File.Copy(Path.Combine(feed.RepoRoot, "tests", "Shared", "Specs", "acme-motion-2.yaml"), Path.Combine(directory, "contracts", "acme-motion-2.yaml"));
        File.WriteAllText(Path.Combine(directory, "EmulatorTests.cs"), DocumentedFixture(feed));
        return await feed.RunConsumerAsync(directory, "test", "--nologo", "-tl:off", "--disable-build-servers").ConfigureAwait(false);
    }

    /// <summary>The C# block after <c>&lt;!-- package-test: EmulatorTests.cs --&gt;</c> in docs/emulator.md.</summary>
    public static string DocumentedFixture(PackedFeed feed)
    {
        var doc = File.ReadAllText(Path.Combine(feed.RepoRoot, "docs", "emulator.md"));
        var match = Regex.Match(doc, @"<!-- package-test: EmulatorTests\.cs -->\s*```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline);
        if (!match.Success)
        {
            throw new InvalidOperationException("docs/emulator.md has no package-test block");
        }

        return match.Groups["code"].Value;
    }

    /// <summary><c>dotnet tool install --tool-path</c> from the feed, then the installed <c>grok-contracts --help</c>.</summary>
    public static async Task<ToolRun> InstallToolAsync(PackedFeed feed)
    {
        var directory = feed.CreateConsumer("tool");
        // As a user installs it: the feed through --add-source, which NuGet refuses next to package source mapping,
        // so this folder's nuget.config has no sources and no mapping of its own.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        var toolPath = Path.Combine(directory, "tools");
        var install = await feed.RunConsumerAsync(directory, "tool", "install", "--tool-path", toolPath, "--add-source", feed.FeedDirectory, "--version", feed.Version, "GrokContracts.Cli").ConfigureAwait(false);
        var executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "grok-contracts.exe" : "grok-contracts");
        if (install.ExitCode != 0 || !File.Exists(executable))
        {
            var missing = new DotnetResult(executable, -1, "not installed: " + string.Join(", ", Directory.Exists(toolPath) ? Directory.GetFileSystemEntries(toolPath).Select(Path.GetFileName) : []), TimeSpan.Zero);
            return new ToolRun(install, missing, missing);
        }

        var help = await feed.RunProgramAsync(directory, executable, "--help").ConfigureAwait(false);
        var batch = await RunBatchAgainstServeAsync(feed, directory, executable).ConfigureAwait(false);
        return new ToolRun(install, help, batch);
    }

    /// <summary>
    /// The installed tool's <c>serve</c> in the background, then its <c>batch</c> of two lines against it (the journal's
    /// native SQLite must load from the tool package), then <c>serve</c> is stopped.
    /// </summary>
    private static async Task<DotnetResult> RunBatchAgainstServeAsync(PackedFeed feed, string directory, string executable)
    {
        File.WriteAllText(Path.Combine(directory, "jobs.jsonl"),
            "{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"a cat on a sofa\",\"image_urls\":[\"https://example.com/cat.png\"],\"duration\":5}\n" +
            "{\"model\":\"grok-imagine-video-1.5-beta\",\"image_urls\":[\"https://example.com/dog.png\"]}\n");
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "serve", "--port", "0", "--delay", "1" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ROOT"] = PackedFeed.DotnetRoot;
        using var serve = Process.Start(start)!;
        serve.ErrorDataReceived += static (_, _) => { };
        serve.BeginErrorReadLine();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            string? url = null;
            while (url is null && await serve.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
            {
                url = Regex.Match(line, @"http://127\.0\.0\.1:\d+").Value is { Length: > 0 } found ? found : null;
            }

            if (url is null)
            {
                return new DotnetResult(executable + " serve", -1, "serve printed no URL", TimeSpan.Zero);
            }

            return await feed.RunProgramAsync(directory, executable, "batch", "jobs.jsonl", "--out-dir", "clips", "--base-url", url).ConfigureAwait(false);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync().ConfigureAwait(false);
        }
    }
}
