using System;
using System.Linq;

namespace GrokContracts.Spec.Tests;

internal static class DiagnosticAssert
{
    /// <summary>Parses <paramref name="text"/> and asserts it yields exactly one diagnostic, with this id and start.</summary>
    public static SpecDiagnostic Single(string text, string id, int line, int column)
    {
        var result = ContractParser.Parse(text, "spec.yaml");
        Assert.Null(result.Contract);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(
            diagnostic.Id == id && diagnostic.Start == new SpecPosition(line, column),
            $"expected {id} at ({line},{column}), got {diagnostic}");
        Assert.Equal("spec.yaml", diagnostic.FilePath);
        Assert.True(
            diagnostic.End.Line > diagnostic.Start.Line || (diagnostic.End.Line == diagnostic.Start.Line && diagnostic.End.Column >= diagnostic.Start.Column),
            "end before start: " + diagnostic);
        return diagnostic;
    }

    /// <summary>Parses and asserts these diagnostics, in order: "GRK101@3:5" strings.</summary>
    public static void Exactly(string text, params string[] expected)
    {
        var result = ContractParser.Parse(text, "spec.yaml");
        Assert.Null(result.Contract);
        var actual = result.Diagnostics.Select(d => $"{d.Id}@{d.Start.Line}:{d.Start.Column}").ToArray();
        Assert.True(expected.SequenceEqual(actual), "expected " + string.Join(", ", expected) + Environment.NewLine + "got " + string.Join(Environment.NewLine, result.Diagnostics));
    }

    /// <summary>Appends text after the minimal spec's last line (line 15 is the first appended line).</summary>
    public static string Append(string lines) => Minimal.Spec + lines;

    /// <summary>Replaces one exact fragment of the minimal spec (fails when it is absent, so a test cannot pass vacuously).</summary>
    public static string Replace(string oldText, string newText)
    {
        Assert.Contains(oldText, Minimal.Spec);
        return Minimal.Spec.Replace(oldText, newText);
    }
}
