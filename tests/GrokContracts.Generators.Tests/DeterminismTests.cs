using System.Globalization;
using System.Linq;
using GrokContracts.Generators.Tests.TestSupport;

namespace GrokContracts.Generators.Tests;

/// <summary>Generated output is byte-identical whatever the spec's line endings and the current culture, and uses <c>\n</c> only.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Crlf_spec_generates_identical_output()
    {
        var lf = Generate(TestSpecs.Official);
        var crlf = Generate(TestSpecs.Official with { Text = TestSpecs.OfficialText.Replace("\n", "\r\n") });

        Assert.Equal(lf, crlf);
        Assert.All(lf, file => Assert.DoesNotContain('\r', file.Text));
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Output_does_not_depend_on_the_current_culture(string culture)
    {
        var invariant = Generate(TestSpecs.Official).Concat(Generate(TestSpecs.Beta)).ToList();
        var original = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(culture, CultureInfo.CurrentCulture.Name);
            var localized = Generate(TestSpecs.Official).Concat(Generate(TestSpecs.Beta)).ToList();
            Assert.Equal(invariant, localized);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = original;
        }
    }

    [Fact]
    public void Two_runs_generate_identical_output()
    {
        Assert.Equal(Generate(TestSpecs.Beta), Generate(TestSpecs.Beta));
    }

    private static (string Hint, string Text)[] Generate(SpecInput spec)
        => [.. GeneratorRunner.Run([spec]).Sources.Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(s => s.HintName, System.StringComparer.Ordinal)];
}
