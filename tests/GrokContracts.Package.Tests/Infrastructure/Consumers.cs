using System;
using System.IO;
using System.Threading.Tasks;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>The result of <c>dotnet format analyzers</c> on a consumer, and the rebuild after it.</summary>
public sealed record CodeFixRun(string Before, string After, DotnetResult Format, DotnetResult Rebuild);

/// <summary>
/// The fresh consumer projects. Scenarios share a project wherever they can, so a run costs four consumer builds
/// and one `dotnet format`: <c>typed</c> (must build clean and run), <c>rules</c> (every expected diagnostic in one
/// failing build), <c>fixes</c> (edited in place by the code fixes) and <c>spec-errors</c> (broken specs whose types
/// are used).
/// </summary>
public static class Consumers
{
    public const string OfficialJson =
        """{"model":"grok-imagine-video-1.5-official","prompt":"A lighthouse at dusk","image_urls":["https://images.example.com/lighthouse.jpg"],"aspect_ratio":"9:16","resolution":"720p","duration":6,"audio":true}""";

    public const string BetaJson =
        """{"model":"grok-imagine-video-1.5-beta","image_urls":["https://images.example.com/lighthouse.jpg"],"aspect_ratio":"auto","resolution":"480p","duration":2}""";

    /// <summary>
    /// The client consumer: a net10.0 console app with warnings as errors that references only GrokContracts.Client
    /// (GrokContracts comes as its dependency): typed requests for both channels, printed as JSON, and a project spec's
    /// request through the client.
    /// </summary>
    public static async Task<DotnetResult> RunTypedAsync(PackedFeed feed)
    {
        var directory = feed.CreateConsumer("typed");
        File.WriteAllText(Path.Combine(directory, "Typed.csproj"), ConsoleProject("GrokContracts.Client", feed.Version, warningsAsErrors: true, """<GrokContractSpec Include="contracts/*.yaml" />"""));
        Directory.CreateDirectory(Path.Combine(directory, "contracts"));
        File.Copy(Path.Combine(feed.RepoRoot, "tests", "Shared", "Specs", "acme-motion-2.yaml"), Path.Combine(directory, "contracts", "acme-motion-2.yaml"));
        File.WriteAllText(Path.Combine(directory, "AcmeRun.cs"), AcmeRunSource);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using System;
            using GrokContracts.GrokImagineVideo15Official;
            using Beta = GrokContracts.GrokImagineVideo15Beta;

            var official = new VideoGenerationRequest("A lighthouse at dusk", "https://images.example.com/lighthouse.jpg")
                .WithAspectRatio(AspectRatio.Portrait9x16)
                .WithResolution(Resolution.P720)
                .WithDuration(6);
            Console.WriteLine("official " + official.ToJson());

            var beta = new Beta.VideoGenerationRequest("https://images.example.com/lighthouse.jpg")
                .WithAspectRatio(Beta.AspectRatio.Auto)
                .WithDuration(2);
            Console.WriteLine("beta " + beta.ToJson());

            // Not a constant, so only the runtime validation (from the runtime library in lib/) can see it.
            var tooLong = official.WithDuration(args.Length + 20).Validate();
            Console.WriteLine("violation " + tooLong[0].Code + " " + tooLong[0].Message);

            // A project spec's channel, used at run time: the client follows its endpoints, words and schedule.
            await AcmeRun.RunAsync();
            """);
        return await feed.RunConsumerAsync(directory, "run", "--nologo", "-tl:off", "--disable-build-servers").ConfigureAwait(false);
    }

    /// <summary>
    /// The typed consumer's run of its project spec (acme-motion-2) against a tiny loopback server of its own that
    /// answers acme's endpoints with acme's words: every request the client makes is printed as "acme-http METHOD PATH",
    /// then the final status and the downloaded byte count.
    /// </summary>
    public const string AcmeRunSource = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Text;
        using System.Threading.Tasks;
        using Acme.Motion;
        using GrokContracts;

        internal static class AcmeRun
        {
            public static async Task RunAsync()
            {
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                var prefix = "http://127.0.0.1:" + port + "/";
                using var listener = new HttpListener();
                listener.Prefixes.Add(prefix);
                listener.Start();
                var polls = 0;
                var serving = Task.Run(async () =>
                {
                    while (true)
                    {
                        var context = await listener.GetContextAsync();
                        var path = context.Request.Url!.AbsolutePath;
                        Console.WriteLine("acme-http " + context.Request.HttpMethod + " " + path);
                        string body;
                        if (path == "/v2/motion/jobs")
                        {
                            body = "{\"id\":\"job_1\",\"status\":\"queued\"}";
                        }
                        else if (path == "/v2/motion/jobs/job_1/state")
                        {
                            polls++;
                            var status = polls == 1 ? "running" : polls == 2 ? "rendering-frames" : "done";
                            body = "{\"id\":\"job_1\",\"status\":\"" + status + "\",\"output\":{\"video_urls\":[\"" + prefix + "clip.mp4\"]}}";
                        }
                        else
                        {
                            body = "not json, a video";
                        }

                        var bytes = Encoding.UTF8.GetBytes(body);
                        context.Response.ContentType = "application/json";
                        await context.Response.OutputStream.WriteAsync(bytes, 0, bytes.Length);
                        context.Response.Close();
                        if (path == "/clip.mp4")
                        {
                            return;
                        }
                    }
                });

                var request = new MotionRequest("a paper boat").WithSeconds(6);
                var schedule = AcmeMotion2Channel.Descriptor.Polling!.Scale(0.01); // the spec's phases, 100 times faster
                using var client = new GrokContractsClient(new GrokContractsClientOptions { ApiKey = "k", BaseUrl = new Uri(prefix), PollingSchedule = schedule });
                var task = await client.GenerateAsync(request);
                using var video = new System.IO.MemoryStream();
                var downloaded = await client.DownloadAsync(task, video);
                await serving;
                Console.WriteLine("acme-status " + task.Status + " " + task.StatusKind + " " + downloaded);
            }
        }
        """;

    /// <summary>
    /// A netstandard2.0 library (C# 7.3, the runtime's netstandard2.0 asset) with raw-payload mistakes (one per rule
    /// in AllRules.cs, GRK009 raised to a warning by .editorconfig), a project spec that overrides the shipped
    /// official one (maximum 10, own namespace, internal), and two broken specs.
    /// </summary>
    public static async Task<DotnetResult> BuildRulesAsync(PackedFeed feed)
    {
        var directory = feed.CreateConsumer("rules");
        File.WriteAllText(Path.Combine(directory, "Rules.csproj"), NetStandardLibrary(feed, """<GrokContractSpec Include="contracts/*.yaml" Namespace="Consumer.Contracts" Visibility="internal" />"""));
        File.WriteAllText(Path.Combine(directory, "Mistakes.cs"), RulesSources.Mistakes);
        File.WriteAllText(Path.Combine(directory, "Override.cs"), RulesSources.Override);
        File.WriteAllText(Path.Combine(directory, "AllRules.cs"), RulesSources.AllRules);
        // Severity is the team's call: GRK009 (info, invisible in build output) raised to a warning, the documented way.
        File.WriteAllText(Path.Combine(directory, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.GRK009.severity = warning\n");
        var contracts = Directory.CreateDirectory(Path.Combine(directory, "contracts")).FullName;
        var official = feed.OfficialSpec;
        File.WriteAllText(Path.Combine(contracts, "official-max10.yaml"), RulesSources.WithMaximum10(official));
        File.WriteAllText(Path.Combine(contracts, "broken-schema.yaml"), RulesSources.WithSchemaError(official));
        File.WriteAllText(Path.Combine(contracts, "broken-syntax.yaml"), RulesSources.SyntaxError);
        return await feed.RunConsumerAsync(directory, "build", "--nologo", "-tl:off", "--disable-build-servers").ConfigureAwait(false);
    }

    /// <summary>
    /// A library whose project specs are broken, one per spec rule (see <see cref="SpecErrorSources"/>), and whose code
    /// uses their generated types: the C# build fails, and the spec diagnostics must explain why.
    /// </summary>
    public static async Task<DotnetResult> BuildSpecErrorsAsync(PackedFeed feed)
    {
        var directory = feed.CreateConsumer("spec-errors");
        File.WriteAllText(Path.Combine(directory, "SpecErrors.csproj"), NetStandardLibrary(feed, """
            <GrokContractSpec Include="contracts/broken-flow.yaml;contracts/official-override.yaml;contracts/out-of-range.yaml" />
            <GrokContractSpec Include="contracts/dup-first.yaml" Namespace="Consumer.First" />
            <GrokContractSpec Include="contracts/dup-second.yaml" Namespace="Consumer.Second" />
            """));
        File.WriteAllText(Path.Combine(directory, "Uses.cs"), SpecErrorSources.Uses);
        var contracts = Directory.CreateDirectory(Path.Combine(directory, "contracts")).FullName;
        foreach (var (file, text) in SpecErrorSources.Specs(feed.OfficialSpec))
        {
            File.WriteAllText(Path.Combine(contracts, file), text);
        }

        return await feed.RunConsumerAsync(directory, "build", "--nologo", "-tl:off", "--disable-build-servers").ConfigureAwait(false);
    }

    /// <summary>
    /// The contracts-only consumer: a net10.0 console app that references only GrokContracts. Built with normal
    /// verbosity (the csc command line with its /analyzer: list is in the log), then run: typed requests, runtime
    /// validation, and a GRK007 warning in <c>Diagnosed.cs</c> (the analyzers are there without any HTTP stack).
    /// </summary>
    public static async Task<DotnetResult> RunContractsOnlyAsync(PackedFeed feed)
    {
        var directory = feed.CreateConsumer("contracts");
        File.WriteAllText(Path.Combine(directory, "Contracts.csproj"), ConsoleProject("GrokContracts", feed.Version, warningsAsErrors: false));
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using System;
            using GrokContracts.GrokImagineVideo15Official;

            var official = new VideoGenerationRequest("A lighthouse at dusk", "https://images.example.com/lighthouse.jpg")
                .WithAspectRatio(AspectRatio.Portrait9x16)
                .WithResolution(Resolution.P720)
                .WithDuration(6);
            Console.WriteLine("official " + official.ToJson());
            var tooLong = official.WithDuration(args.Length + 20).Validate();
            Console.WriteLine("violation " + tooLong[0].Code + " " + tooLong[0].Message);
            Console.WriteLine("payload " + Diagnosed.Payload.GetHashCode().ToString().Length);
            """);
        File.WriteAllText(Path.Combine(directory, "Diagnosed.cs"), ContractsOnlyDiagnosed);
        var build = await feed.RunConsumerAsync(directory, "build", "--nologo", "-tl:off", "--disable-build-servers", "-v:n").ConfigureAwait(false);
        if (build.ExitCode != 0)
        {
            return build;
        }

        var run = await feed.RunConsumerAsync(directory, "run", "--no-build", "--nologo").ConfigureAwait(false);
        return run with { Output = build.Output + "\n--- run:\n" + run.Output, ExitCode = run.ExitCode };
    }

    /// <summary>The contracts-only consumer's one deliberate diagnostic: GRK007, a parameter official does not have.</summary>
    public static readonly string ContractsOnlyDiagnosed = OfficialPayloadClass("Diagnosed", "nsfw_checker = true");

    /// <summary>A net10.0 console app that references one of our packages.</summary>
    public static string ConsoleProject(string packageId, string version, bool warningsAsErrors, string extraItems = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>{(warningsAsErrors ? "true" : "false")}</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="{packageId}" Version="{version}" />
            {extraItems}
          </ItemGroup>
        </Project>
        """;

    /// <summary>A class with one raw official payload whose last property is <paramref name="lastProperty"/>.</summary>
    public static string OfficialPayloadClass(string className, string lastProperty) => $$"""
        internal static class {{className}}
        {
            public static readonly object Payload = new
            {
                model = "grok-imagine-video-1.5-official",
                prompt = "A lighthouse at dusk",
                image_urls = new[] { "https://images.example.com/lighthouse.jpg" },
                {{lastProperty}},
            };
        }
        """;

    /// <summary>
    /// `dotnet format analyzers` with every fixable id in ONE run (as the README says), then a rebuild that must be
    /// clean of them.
    /// </summary>
    public static async Task<CodeFixRun> ApplyCodeFixesAsync(PackedFeed feed)
    {
        var directory = feed.CreateConsumer("fixes");
        File.WriteAllText(Path.Combine(directory, "Fixes.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="GrokContracts" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        var source = Path.Combine(directory, "Payloads.cs");
        File.WriteAllText(source, RulesSources.Fixable);
        string[] format = ["format", "analyzers", "Fixes.csproj", "--diagnostics", .. RulesSources.FixableIds, "--severity", "info", "-v", "n"];
        var run = await feed.RunConsumerAsync(directory, format).ConfigureAwait(false);
        var after = File.ReadAllText(source);
        var rebuild = await feed.RunConsumerAsync(directory, "build", "--nologo", "-tl:off", "--disable-build-servers").ConfigureAwait(false);
        return new CodeFixRun(RulesSources.Fixable, after, run, rebuild);
    }

    /// <summary>A netstandard2.0 library project (C# 7.3) that references the packed package, with <paramref name="specItems"/> in its item group.</summary>
    private static string NetStandardLibrary(PackedFeed feed, string specItems) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>netstandard2.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="GrokContracts" Version="{feed.Version}" />
            {specItems}
          </ItemGroup>
        </Project>
        """;
}
