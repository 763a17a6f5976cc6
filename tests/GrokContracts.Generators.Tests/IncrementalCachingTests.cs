using System.Collections.Generic;
using System.Linq;
using GrokContracts.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokContracts.Generators.Tests;

/// <summary>
/// The pipeline does no work for changes that cannot affect it: every tracked step reports Cached or
/// Unchanged after unrelated C# edits, a compilation clone or an unrelated additional file edit; editing one
/// spec re-emits only that spec.
/// </summary>
public sealed class IncrementalCachingTests
{
    private static readonly SpecInput Unrelated = new("/project/notes.txt", "just some notes", IsContract: false);

    private readonly Dictionary<string, AdditionalText> _texts = [];

    private (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(params SpecInput[] specs)
    {
        var parseOptions = GeneratorRunner.ParseOptions();
        var compilation = GeneratorRunner.CreateCompilation(parseOptions, NullableContextOptions.Enable, true, "namespace User { public class A { } }");
        var texts = specs.Select(s => (AdditionalText)new TestAdditionalText(s.Path, s.Text)).ToList();
        foreach (var text in texts)
        {
            _texts[text.Path] = text;
        }

        var driver = GeneratorRunner.CreateDriver(specs, texts, parseOptions).RunGenerators(compilation);
        return (driver, compilation);
    }

    [Fact]
    public void Unrelated_syntax_tree_added_or_edited_is_cached()
    {
        var (driver, compilation) = FirstRun(TestSpecs.Official, TestSpecs.Beta, Unrelated);
        var added = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace User { public class B { } }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        driver = driver.RunGenerators(added);
        AssertAllCached(driver);

        var old = added.SyntaxTrees.Last();
        var edited = added.ReplaceSyntaxTree(old, old.WithChangedText(old.GetText().Replace(0, 0, "// edit\n")));
        driver = driver.RunGenerators(edited);
        AssertAllCached(driver);
    }

    [Fact]
    public void Compilation_clone_is_cached()
    {
        var (driver, compilation) = FirstRun(TestSpecs.Official, TestSpecs.Beta);
        driver = driver.RunGenerators(compilation.Clone());
        AssertAllCached(driver);
    }

    [Fact]
    public void Unrelated_additional_file_edit_is_cached()
    {
        var (driver, compilation) = FirstRun(TestSpecs.Official, TestSpecs.Beta, Unrelated);
        driver = driver.ReplaceAdditionalText(FindText(Unrelated.Path), new TestAdditionalText(Unrelated.Path, "edited notes")).RunGenerators(compilation);
        AssertAllCached(driver);
    }

    [Fact]
    public void Spec_with_only_line_ending_changes_is_unchanged_after_parsing()
    {
        var (driver, compilation) = FirstRun(TestSpecs.Official, TestSpecs.Beta);
        var crlf = TestSpecs.OfficialText.Replace("\n", "\r\n");
        driver = driver.ReplaceAdditionalText(FindText(TestSpecs.OfficialPath), new TestAdditionalText(TestSpecs.OfficialPath, crlf)).RunGenerators(compilation);

        var steps = Steps(driver);
        Assert.Contains(IncrementalStepRunReason.Modified, steps[TrackingNames.SpecFiles].SelectMany(s => s.Outputs).Select(o => o.Reason));
        // ParsedSpecs itself changes: it keeps the character offset of the model id (for a GRK103's squiggle), which moved.
        // Everything after it compares equal, so nothing is re-emitted or re-reported.
        foreach (var name in new[] { TrackingNames.SpecDiagnostics, TrackingNames.ContractSelection, TrackingNames.CatalogDiagnostics, TrackingNames.Contracts, TrackingNames.ContractsToEmit })
        {
            Assert.All(steps[name].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + ": " + o.Reason));
        }
    }

    [Fact]
    public void Editing_one_spec_modifies_only_its_outputs()
    {
        var (driver, compilation) = FirstRun(TestSpecs.Official, TestSpecs.Beta);
        var edited = TestSpecs.OfficialText.Replace("Sweet spot 5-10 s.", "Sweet spot 5-10 seconds.");
        Assert.NotEqual(TestSpecs.OfficialText, edited);
        driver = driver.ReplaceAdditionalText(FindText(TestSpecs.OfficialPath), new TestAdditionalText(TestSpecs.OfficialPath, edited)).RunGenerators(compilation);

        var steps = Steps(driver);
        foreach (var name in new[] { TrackingNames.SpecFiles, TrackingNames.ParsedSpecs, TrackingNames.Contracts, TrackingNames.ContractsToEmit })
        {
            var outputs = steps[name].SelectMany(s => s.Outputs).ToList();
            Assert.Equal(2, outputs.Count);
            foreach (var (value, reason) in outputs)
            {
                var isOfficial = Describe(value).Contains("official", System.StringComparison.Ordinal);
                Assert.True(
                    isOfficial ? reason == IncrementalStepRunReason.Modified : reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    name + " (" + (isOfficial ? "official" : "beta") + "): " + reason);
            }
        }

        // The aggregate step sees every spec, so it changes; the language version does not.
        Assert.Equal(IncrementalStepRunReason.Modified, steps[TrackingNames.ContractSelection].Single().Outputs.Single().Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, steps[TrackingNames.LanguageVersion].Single().Outputs.Single().Reason);
    }

    [Fact]
    public void Every_tracking_name_is_used()
    {
        var (driver, _) = FirstRun(TestSpecs.Official);
        var steps = Steps(driver);
        Assert.All(TrackingNames.All, name => Assert.True(steps.ContainsKey(name), name));
    }

    internal static IReadOnlyDictionary<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>> Steps(GeneratorDriver driver)
        => driver.GetRunResult().Results.Single().TrackedSteps;

    private static void AssertAllCached(GeneratorDriver driver)
    {
        var steps = Steps(driver);
        foreach (var name in TrackingNames.All)
        {
            Assert.True(steps.ContainsKey(name), "Step not run: " + name);
            foreach (var step in steps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + ": " + reason);
                }
            }
        }
    }

    // The driver does not expose its additional texts: the test keeps the ones it made.
    private AdditionalText FindText(string path) => _texts[path];

    private static string Describe(object value) => value switch
    {
        GrokContracts.Generators.Model.SpecFile file => file.Path,
        GrokContracts.Generators.Model.ParsedSpec spec => spec.Path,
        GrokContracts.Generators.Model.ContractTarget target => target.Contract.ModelId,
        GrokContracts.Generators.Model.EmitRequest request => request.Target.Contract.ModelId,
        _ => value.ToString() ?? string.Empty,
    };
}
