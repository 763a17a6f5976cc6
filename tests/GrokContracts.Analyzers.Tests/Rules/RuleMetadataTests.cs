using System;
using System.IO;
using System.Linq;
using System.Reflection;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.CodeFixes.Rules;
using GrokContracts.Generators.Payload;
using Microsoft.CodeAnalysis.CodeFixes;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>
/// Every payload descriptor and every fixable id is proven, by reflection: a test class <c>GRKnnnTests</c> with
/// <c>Positive…</c> and <c>Negative…</c> tests, a help link to an existing <c>docs/rules/GRKnnn.md</c>, a row in
/// <c>AnalyzerReleases</c>, and (if fixable) a <c>FixAll…</c> test.
/// </summary>
public sealed class RuleMetadataTests
{
    private static readonly string[] PayloadIds = { "GRK001", "GRK002", "GRK003", "GRK004", "GRK005", "GRK006", "GRK007", "GRK008", "GRK009" };

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in new PayloadAnalyzer().SupportedDiagnostics)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    public static TheoryData<string> FixableIds()
    {
        var data = new TheoryData<string>();
        foreach (var fixer in Fixers())
        {
            foreach (var id in fixer.FixableDiagnosticIds)
            {
                data.Add(id);
            }
        }

        return data;
    }

    [Fact]
    public void AnalyzerSupportsExactlyThePayloadIds() =>
        Assert.Equal(PayloadIds, new PayloadAnalyzer().SupportedDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Ids))]
    public void HasPositiveAndNegativeTests(string id)
    {
        var tests = TestMethods(id);
        Assert.Contains(tests, name => name.StartsWith("Positive", StringComparison.Ordinal));
        Assert.Contains(tests, name => name.StartsWith("Negative", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void HelpLinkPointsToExistingDoc(string id)
    {
        var descriptor = new PayloadAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);
        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        var doc = TestSpecs.RepoFile("docs", "rules", id + ".md");
        Assert.True(File.Exists(doc), doc + " is missing");
        var text = File.ReadAllText(doc);
        Assert.Contains("dotnet_diagnostic." + id + ".severity", text, StringComparison.Ordinal);
        Assert.Contains(descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void HasDescriptionAndDocOpeningWithLinksToTheCode(string id)
    {
        var descriptor = new PayloadAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)), id + " has no description");
        var opening = string.Join("\n", File.ReadLines(TestSpecs.RepoFile("docs", "rules", id + ".md")).Take(6));
        Assert.Contains("Diagnostics/DiagnosticDescriptors", opening, StringComparison.Ordinal);
        Assert.Contains("Tests.cs", opening, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void HasAnalyzerReleasesEntry(string id)
    {
        var descriptor = new PayloadAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);
        var releases = File.ReadAllLines(TestSpecs.RepoFile("src", "GrokContracts.Generators", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(TestSpecs.RepoFile("src", "GrokContracts.Generators", "AnalyzerReleases.Shipped.md")));
        var row = releases.Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray()).SingleOrDefault(cells => cells[0] == id);
        Assert.NotNull(row);
        Assert.Equal(descriptor.Category, row![1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
    }

    [Theory]
    [MemberData(nameof(FixableIds))]
    public void FixableIdHasFixAllTest(string id)
    {
        Assert.Contains(TestMethods(id), name => name.StartsWith("FixAll", StringComparison.Ordinal));
        Assert.Contains(TestMethods(id), name => name.StartsWith("Fix_", StringComparison.Ordinal));
        Assert.NotNull(Fixers().First(f => f.FixableDiagnosticIds.Contains(id)).GetFixAllProvider());
    }

    [Fact]
    public void EveryFixerIsExportedAndFixesAPayloadId()
    {
        foreach (var fixer in Fixers())
        {
            Assert.NotNull(fixer.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>());
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, PayloadIds));
        }
    }

    private static CodeFixProvider[] Fixers() =>
        typeof(ClampToRangeFixer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToArray();

    private static string[] TestMethods(string id)
    {
        var type = typeof(RuleMetadataTests).Assembly.GetType("GrokContracts.Analyzers.Tests.Rules." + id + "Tests");
        Assert.True(type is not null, "No test class " + id + "Tests");
        return type!.GetMethods()
            .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any())
            .Select(m => m.Name)
            .ToArray();
    }
}
