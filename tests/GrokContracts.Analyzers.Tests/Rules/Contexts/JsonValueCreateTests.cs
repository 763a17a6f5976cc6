using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.CodeFixes.Rules;

namespace GrokContracts.Analyzers.Tests.Rules.Contexts;

/// <summary>
/// <c>JsonValue.Create(x)</c> inside a <c>JsonObject</c> payload (and its <c>JsonArray</c>s) is read as x: a
/// constant argument is judged like any constant, reported on the argument, and fixed there; a non-constant one is
/// not guessed at.
/// </summary>
public sealed class JsonValueCreateTests
{
    private static string Node(string members) =>
        "using System.Text.Json.Nodes;\n\n" +
        "public static class Payloads\n{\n" +
        "    public static JsonObject Create(int seconds) => new JsonObject\n    {\n" +
        "        [\"model\"] = JsonValue.Create(\"grok-imagine-video-1.5-official\"),\n" +
        "        [\"prompt\"] = JsonValue.Create(\"A cat\"),\n" +
        members +
        "    };\n}\n";

    private const string Images = "        [\"image_urls\"] = new JsonArray(JsonValue.Create(\"https://cdn.example.com/cat.png\")),\n";

    [Fact]
    public Task Out_of_range_argument_is_GRK001_and_clamped_inside_the_call() =>
        Verify.CodeFix<ClampToRangeFixer>(
            Node(Images + "        [\"duration\"] = JsonValue.Create({|#0:20|}),\n"),
            Node(Images + "        [\"duration\"] = JsonValue.Create(15),\n"),
            Verify.Diagnostic("GRK001").WithLocation(0));

    [Fact]
    public Task Wrong_type_argument_is_GRK002_and_converted() =>
        Verify.CodeFix<ConvertValueTypeFixer>(
            Node(Images + "        [\"audio\"] = JsonValue.Create({|#0:\"false\"|}),\n"),
            Node(Images + "        [\"audio\"] = JsonValue.Create(false),\n"),
            Verify.Diagnostic("GRK002").WithLocation(0));

    [Fact]
    public Task Disallowed_string_argument_is_GRK003() =>
        Verify.CodeFix<AllowedValueFixer>(
            Node(Images + "        [\"aspect_ratio\"] = JsonValue.Create({|#0:\"auto\"|}),\n"),
            Node(Images + "        [\"aspect_ratio\"] = JsonValue.Create(\"16:9\"),\n"),
            Verify.Diagnostic("GRK003").WithLocation(0));

    [Fact]
    public Task A_data_url_in_a_JsonArray_of_JsonValues_is_GRK005() =>
        Verify.Analyzer(Node("        [\"image_urls\"] = new JsonArray(JsonValue.Create({|#0:\"data:image/png;base64,AAAA\"|})),\n"), Verify.Diagnostic("GRK005").WithLocation(0));

    [Fact]
    public Task Two_images_in_a_JsonArray_of_JsonValues_is_GRK006() =>
        Verify.Analyzer(
            Node("        [\"image_urls\"] = {|#0:new JsonArray(JsonValue.Create(\"https://cdn.example.com/a.png\"), JsonValue.Create(\"https://cdn.example.com/b.png\"))|},\n"),
            Verify.Diagnostic("GRK006").WithLocation(0));

    [Fact]
    public Task Valid_constants_and_non_constant_arguments_are_not_reported() =>
        Verify.Analyzer(Node(Images + "        [\"duration\"] = JsonValue.Create(seconds),\n        [\"resolution\"] = JsonValue.Create(\"720p\"),\n"));
}
