using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>One <c>file(line,col): severity ID: message</c> line of MSBuild console output.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    // "/tmp/x/Program.cs(9,138): error GRK001: duration = 20 is ... (https://...) [/tmp/x/x.csproj]"
    private static readonly Regex Pattern = new(
        @"^[ \t]*(?<file>[^\s(][^\r\n(]*?)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\): (?<sev>error|warning|info) (?<id>[A-Z]+[0-9]+): (?<msg>.*?)(?: \[[^\]\r\n]+\])?[ \t\r]*$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public string FileName => Path.GetFileName(File);

    /// <summary>Every distinct diagnostic in the output (MSBuild repeats errors in its summary).</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
        Pattern.Matches(output)
            .Select(m => new BuildDiagnostic(
                m.Groups["file"].Value.Trim(),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["sev"].Value,
                m.Groups["id"].Value,
                m.Groups["msg"].Value))
            .Distinct()
            .ToList();

    public override string ToString() => $"{FileName}({Line},{Column}): {Severity} {Id}: {Message}";
}

/// <summary>A finished build: its process result and the diagnostics it printed.</summary>
public sealed record BuildResult(ProcessResult Process, IReadOnlyList<BuildDiagnostic> Diagnostics)
{
    public bool Succeeded => Process.ExitCode == 0;

    public IEnumerable<BuildDiagnostic> WithPrefix(string prefix) =>
        Diagnostics.Where(d => d.Id.StartsWith(prefix, StringComparison.Ordinal));

    public override string ToString() => Process.ToString();
}
