using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace GrokContracts.Cli.Tests;

/// <summary>The built tool as a real process: its entry point, real stdin/stdout/stderr and exit codes.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task The_real_process_checks_stdin_and_reports_through_its_exit_code()
    {
        var invalid = await RunAsync("{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"a cat\",\"image_urls\":[\"data:image/png;base64,AA==\"]}", "check", "-");
        var valid = await RunAsync("{\"model\":\"grok-imagine-video-1.5-beta\",\"image_urls\":[\"https://example.com/cat.png\"]}", "check", "-");
        var usage = await RunAsync(string.Empty, "check", "--nope");

        Assert.Equal(1, invalid.ExitCode);
        Assert.Equal("{\"error\":{\"code\":20003,\"message\":\"image_urls entries must be public http(s) URLs\"}}", invalid.Out.Trim());
        Assert.Equal(0, valid.ExitCode);
        Assert.StartsWith("OK: ", valid.Error, StringComparison.Ordinal);
        Assert.Equal(2, usage.ExitCode);
        Assert.Single(usage.ErrorLines);
    }

    [Fact]
    public async Task The_real_process_finds_its_embedded_specs_from_any_directory()
    {
        var run = await RunAsync(string.Empty, "spec", "diff", "grok-imagine-video-1.5-official", "grok-imagine-video-1.5-beta");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("breaking: audio: parameter removed (requests and code that set it break)", run.OutLines);
    }

    /// <summary>How to start the built tool with <paramref name="args"/>, every standard stream redirected (shared with the batch kill tests).</summary>
    internal static ProcessStartInfo StartInfo(string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(ToolPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private static async Task<CliRun> RunAsync(string stdin, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new System.Threading.CancellationTokenSource(Cli.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    // The test project references the CLI, so the tool's own assembly and runtimeconfig sit next to the tests.
    private static string ToolPath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "grok-contracts.dll");
        Assert.True(File.Exists(path), "the built CLI is not at " + path);
        Assert.True(File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")), "the CLI's runtimeconfig is missing next to " + path);
        return path;
    }
}
