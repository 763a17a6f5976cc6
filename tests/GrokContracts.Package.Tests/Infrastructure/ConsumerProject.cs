using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>
/// A brand-new console project in a temp folder that references only the packed GrokContracts package: what a user
/// gets from <c>dotnet new console</c> plus one <c>PackageReference</c>. Empty Directory.Build.* files stop MSBuild
/// from picking up anything above the folder.
/// </summary>
public sealed class ConsumerProject
{
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    private readonly PackedPackage _package;
    private readonly ITestOutputHelper? _log;

    private ConsumerProject(PackedPackage package, string directory, string name, ITestOutputHelper? log)
    {
        _package = package;
        _log = log;
        Directory = directory;
        Name = name;
    }

    public string Directory { get; }

    public string Name { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    /// <param name="projectBody">Extra XML inside &lt;Project&gt; (properties, GrokContractSpec items).</param>
    /// <param name="log">Where each command, its time and (on failure) its output go.</param>
    public static async Task<ConsumerProject> CreateAsync(string name, ITestOutputHelper? log, string projectBody = "")
    {
        var package = await PackedPackage.GetAsync();
        log?.WriteLine($"package {package.Version} packed in {package.Pack.Elapsed.TotalSeconds:0.0} s (shared by every test of this run)");
        var directory = package.NewDirectory(name);
        var consumer = new ConsumerProject(package, directory, name, log);
        consumer.WriteFile("Directory.Build.props", "<Project />\n");
        consumer.WriteFile("Directory.Build.targets", "<Project />\n");
        consumer.WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="grokcontracts-e2e" value="{package.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <!-- GrokContracts only ever from the freshly packed feed; its dependencies from the registry. -->
              <packageSourceMapping>
                <packageSource key="grokcontracts-e2e">
                  <package pattern="GrokContracts" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
              <config>
                <add key="globalPackagesFolder" value="{package.RestoreRoot}" />
              </config>
            </configuration>
            """);
        consumer.WriteFile(name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="GrokContracts" Version="{package.Version}" />
              </ItemGroup>
            {projectBody}
            </Project>
            """);
        return consumer;
    }

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    public void WriteFile(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
    }

    public string ReadFile(string relativePath) => File.ReadAllText(PathOf(relativePath));

    /// <summary><c>dotnet build</c>, as a user types it (restore included).</summary>
    public async Task<BuildResult> BuildAsync(params string[] extraArguments)
    {
        var arguments = new List<string>
        {
            "build", ProjectFile, "--nologo", "-v", "q", "-tl:off", "-nodeReuse:false",
            // A fresh compiler per build: a long-lived compiler server could keep an older analyzer loaded from
            // the same path, and would outlive the test run.
            "-p:UseSharedCompilation=false",
        };
        arguments.AddRange(extraArguments);
        var process = await DotnetAsync(arguments, BuildTimeout);
        return new BuildResult(process, BuildDiagnostic.Parse(process.Output));
    }

    /// <summary>Runs the built program (Debug, net10.0).</summary>
    public Task<ProcessResult> RunAsync() =>
        DotnetAsync(new[] { Path.Combine(Directory, "bin", "Debug", "net10.0", Name + ".dll") }, TimeSpan.FromMinutes(1));

    /// <summary><c>dotnet format analyzers --diagnostics ... --severity info</c>: applies the package's code fixes.</summary>
    public Task<ProcessResult> FormatAnalyzersAsync(params string[] diagnosticIds)
    {
        var arguments = new List<string> { "format", "analyzers", ProjectFile, "--severity", "info", "--diagnostics" };
        arguments.AddRange(diagnosticIds);
        return DotnetAsync(arguments, BuildTimeout);
    }

    private async Task<ProcessResult> DotnetAsync(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var result = await ProcessRunner.RunDotnetAsync(
            Directory,
            arguments,
            timeout,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = _package.RestoreRoot });
        _log?.WriteLine(result.ExitCode == 0 ? $"{result.CommandLine}: exit 0 in {result.Elapsed.TotalSeconds:0.0} s" : result.ToString());
        return result;
    }
}
