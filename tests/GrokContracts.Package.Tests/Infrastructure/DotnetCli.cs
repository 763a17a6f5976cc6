using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>What one <c>dotnet</c> invocation printed and how it ended.</summary>
public sealed record DotnetResult(string Command, int ExitCode, string Output, TimeSpan Elapsed)
{
    public BuildDiagnostics Diagnostics => BuildDiagnostics.Parse(Output);

    public override string ToString() => $"{Command} -> exit {ExitCode} in {Elapsed.TotalSeconds:0.0}s\n{Output}";
}

/// <summary>
/// Runs the real <c>dotnet</c> CLI with a bounded time: on timeout the whole process tree is killed and the test
/// fails with what was printed so far. Build servers and node reuse are off, so no child outlives the call or keeps
/// its output pipe open (and no compiler server keeps an old analyzer loaded).
/// </summary>
public static class DotnetCli
{
    public static Task<DotnetResult> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] arguments)
        => RunProgramAsync("dotnet", workingDirectory, environment, timeout, arguments);

    /// <summary>Runs <paramref name="fileName"/> (dotnet, or an installed tool's app host) the same way.</summary>
    public static async Task<DotnetResult> RunProgramAsync(
        string fileName, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` leaves MSBuild variables in the test host's environment; a child build must find its own.
        foreach (var name in new List<string>(EnvironmentNames(start.Environment.Keys)))
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        start.Environment["UseSharedCompilation"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var command = fileName + " " + string.Join(' ', arguments);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited between the timeout and the kill.
            }
            throw new TimeoutException($"{command} did not finish within {timeout.TotalSeconds:0} s (killed).\n{Snapshot(output)}");
        }
        return new DotnetResult(command, process.ExitCode, Snapshot(output), clock.Elapsed);
    }

    private static IEnumerable<string> EnvironmentNames(ICollection<string> keys) => keys;

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
