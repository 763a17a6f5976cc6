using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.CodeFixes.Rules;

namespace GrokContracts.Analyzers.Tests.Rules.Contexts;

/// <summary>
/// JSON written as constant pieces joined with <c>+</c> (literals and <c>const</c> names): C# folds it into one
/// constant, the analyzer reads that, and each diagnostic lands on the exact characters in the literal piece that
/// holds the mistake — fixed there. A mistake that crosses pieces or sits in a <c>const</c> is reported on the whole
/// expression without a fix; run-time concatenation is never read.
/// </summary>
public sealed class ConcatenatedJsonTests
{
    private const string Head = "public static class Payloads\n{\n    private const string Model = \"grok-imagine-video-1.5-official\";\n    private const string Duration = \"20\";\n\n";

    [Fact]
    public Task Mistake_inside_one_literal_piece_is_reported_and_fixed_there() =>
        Verify.CodeFix<ClampToRangeFixer>(
            Head + "    public const string Body = \"{\\\"model\\\":\\\"\" + Model + \"\\\",\\\"prompt\\\":\\\"A cat\\\",\"\n        + \"\\\"image_urls\\\":[\\\"https://cdn.example.com/cat.png\\\"],\\\"duration\\\":{|#0:30|}}\";\n}\n",
            Head + "    public const string Body = \"{\\\"model\\\":\\\"\" + Model + \"\\\",\\\"prompt\\\":\\\"A cat\\\",\"\n        + \"\\\"image_urls\\\":[\\\"https://cdn.example.com/cat.png\\\"],\\\"duration\\\":15}\";\n}\n",
            Verify.Diagnostic("GRK001").WithLocation(0));

    [Fact]
    public Task Verbatim_and_regular_pieces_map_through_their_own_escapes() =>
        Verify.CodeFix<AllowedValueFixer>(
            Head + "    public const string Body = @\"{\"\"model\"\":\"\"grok-imagine-video-1.5-official\"\",\"\"prompt\"\":\"\"A cat\"\",\"\n        + \"\\\"image_urls\\\":[\\\"https://cdn.example.com/cat.png\\\"],\\\"aspect_ratio\\\":{|#0:\\\"auto\\\"|}}\";\n}\n",
            Head + "    public const string Body = @\"{\"\"model\"\":\"\"grok-imagine-video-1.5-official\"\",\"\"prompt\"\":\"\"A cat\"\",\"\n        + \"\\\"image_urls\\\":[\\\"https://cdn.example.com/cat.png\\\"],\\\"aspect_ratio\\\":\\\"16:9\\\"}\";\n}\n",
            Verify.Diagnostic("GRK003").WithLocation(0));

    [Fact]
    public Task Mistake_in_a_const_piece_is_reported_on_the_whole_expression_without_a_fix() =>
        Verify.CodeFix<ClampToRangeFixer>(
            Head + "    public const string Body = {|#0:\"{\\\"model\\\":\\\"\" + Model + \"\\\",\\\"prompt\\\":\\\"A cat\\\",\\\"image_urls\\\":[\\\"https://cdn.example.com/cat.png\\\"],\\\"duration\\\":\" + Duration + \"}\"|};\n}\n",
            Head + "    public const string Body = {|#0:\"{\\\"model\\\":\\\"\" + Model + \"\\\",\\\"prompt\\\":\\\"A cat\\\",\\\"image_urls\\\":[\\\"https://cdn.example.com/cat.png\\\"],\\\"duration\\\":\" + Duration + \"}\"|};\n}\n",
            Verify.Diagnostic("GRK001").WithLocation(0));

    [Fact]
    public Task Valid_concatenation_and_run_time_concatenation_are_not_reported() =>
        Verify.Analyzer(
            Head + "    public const string Body = \"{\\\"model\\\":\\\"\" + Model + \"\\\",\\\"prompt\\\":\\\"A cat\\\",\\\"image_urls\\\":[\\\"https://cdn.example.com/cat.png\\\"]}\";\n\n" +
            "    public static string Build(int seconds) => \"{\\\"model\\\":\\\"\" + Model + \"\\\",\\\"duration\\\":\" + seconds + \"}\";\n}\n");
}
