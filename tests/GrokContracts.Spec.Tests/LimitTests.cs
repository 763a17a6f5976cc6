using System;
using System.Linq;
using System.Text;
using System.Threading;

namespace GrokContracts.Spec.Tests;

/// <summary>
/// Hostile input must end as one GRK100, never as a crash of the compiler. Each parse runs on a thread with a
/// small stack (256 KiB), so any recursion proportional to the input's depth would overflow and fail the run.
/// </summary>
public class LimitTests
{
    private static SpecParseResult ParseOnSmallStack(string text)
    {
        SpecParseResult? result = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = ContractParser.Parse(text, "hostile.yaml");
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        return result!;
    }

    private static SpecDiagnostic SingleNotParseable(string text)
    {
        var result = ParseOnSmallStack(text);
        Assert.Null(result.Contract);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("GRK100", diagnostic.Id);
        return diagnostic;
    }

    [Fact]
    public void Text_over_one_mebibyte()
    {
        var diagnostic = SingleNotParseable(new string('#', ContractParser.MaxLength + 1));
        Assert.Equal(new SpecPosition(1, 1), diagnostic.Start);
    }

    [Fact]
    public void Hundred_thousand_nested_flow_sequences()
    {
        var diagnostic = SingleNotParseable(new string('[', 100_000));
        Assert.Equal(new SpecPosition(1, ContractParser.MaxDepth + 1), diagnostic.Start);
        Assert.Contains("deeper than 64", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hundred_thousand_nested_json_objects()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("{\"a\":");
        }

        text.Append('1').Append('}', 100_000);
        var diagnostic = SingleNotParseable(text.ToString());
        Assert.Equal(new SpecPosition(1, (5 * ContractParser.MaxDepth) + 1), diagnostic.Start);
    }

    [Fact]
    public void Deeply_indented_block_mappings()
    {
        // As deep as fits in 1 MiB: about 1,400 levels.
        var text = new StringBuilder();
        var depth = 0;
        while (text.Length + depth + 4 < ContractParser.MaxLength)
        {
            text.Append(' ', depth).Append("a:\n");
            depth++;
        }

        Assert.True(depth > 1000);
        var diagnostic = SingleNotParseable(text.ToString());
        Assert.Equal(new SpecPosition(ContractParser.MaxDepth + 1, ContractParser.MaxDepth + 1), diagnostic.Start);
    }

    [Fact]
    public void Deeply_nested_block_sequences() =>
        SingleNotParseable(string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n");

    [Fact]
    public void Billion_laughs_is_stopped_at_the_first_anchor()
    {
        var text = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            text.Append(level).Append(": &").Append(level).Append(" [")
                .Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var diagnostic = SingleNotParseable(text.ToString());
        Assert.Equal(new SpecPosition(1, 4), diagnostic.Start);
        Assert.Contains("anchor", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_line_of_a_single_scalar_is_fine() =>
        Assert.DoesNotContain(ParseOnSmallStack("summary: " + new string('x', 500_000)).Diagnostics, d => d.Id == "GRK100");

    [Fact]
    public void Cancelled_token_throws_operation_canceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ContractParser.Parse(SpecFiles.Official, "a.yaml", cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ContractParser.Parse(new string('[', 100_000), "a.yaml", cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ContractParser.Parse(new string('#', ContractParser.MaxLength + 1), "a.yaml", cts.Token));
    }

    [Fact]
    public void Cancellation_during_a_long_parse_propagates()
    {
        // A large valid document: the event loop checks the token while reading it.
        var text = new StringBuilder(Minimal.Spec);
        for (var i = 0; i < 2_000; i++)
        {
            text.Append("  p").Append(i).Append(":\n    type: string\n");
        }

        using var cts = new CancellationTokenSource();
        var token = cts.Token;
        var result = ContractParser.Parse(text.ToString(), "big.yaml", token);
        Assert.Empty(result.Diagnostics); // the same text parses fine without cancellation...
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ContractParser.Parse(text.ToString(), "big.yaml", token));
    }
}
