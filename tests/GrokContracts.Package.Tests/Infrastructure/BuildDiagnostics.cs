using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace GrokContracts.Package.Tests.Infrastructure;

/// <summary>One <c>file(line,col): error ID: message</c> line of MSBuild output.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    public string FileName => Path.GetFileName(File);

    public override string ToString() => $"{FileName}({Line},{Column}): {Severity} {Id}: {Message}";
}

/// <summary>The distinct diagnostics of a build log (MSBuild repeats errors in its summary).</summary>
public sealed partial class BuildDiagnostics
{
    private BuildDiagnostics(IReadOnlyList<BuildDiagnostic> all) => All = all;

    public IReadOnlyList<BuildDiagnostic> All { get; }

    public IEnumerable<BuildDiagnostic> WithId(string id) => All.Where(d => d.Id == id);

    public IEnumerable<BuildDiagnostic> InFile(string fileName) =>
        All.Where(d => string.Equals(d.FileName, fileName, StringComparison.Ordinal));

    public static BuildDiagnostics Parse(string output)
    {
        var seen = new HashSet<BuildDiagnostic>();
        var all = new List<BuildDiagnostic>();
        foreach (var line in output.Split('\n'))
        {
            var match = DiagnosticLine().Match(line.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }
            var diagnostic = new BuildDiagnostic(
                match.Groups["file"].Value.Trim(),
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value);
            if (seen.Add(diagnostic))
            {
                all.Add(diagnostic);
            }
        }
        return new BuildDiagnostics(all);
    }

    public override string ToString() => string.Join(Environment.NewLine, All);

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\): (?<severity>error|warning|info) (?<id>[A-Z]+[0-9]+): (?<message>.*?)(?: \[[^\]]*\])?$")]
    private static partial Regex DiagnosticLine();
}
