using System.Text;
using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using static GrokContracts.Analyzers.Tests.Infrastructure.PayloadSource;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>Never AD0001, never a diagnostic on code that is not a payload; severity follows .editorconfig; literal mapping through escapes.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public Task NoDiagnosticsOnLargeBodyOfUnrelatedCode() =>
        Verify.Analyzer(UnrelatedCode(40), TestOptions.Generated);

    [Fact]
    public Task NoDiagnosticsOnUnrelatedCodeCSharp73() =>
        Verify.Analyzer(UnrelatedCode(10, modern: false), TestOptions.CSharp73 with { WithGenerator = false });

    [Fact]
    public Task NoCrashOnBrokenCode() =>
        Verify.Analyzer(
            """
            using System.Collections.Generic;

            public static class Broken
            {
                public static object A() => new { model = , duration = "8" };
                public static object B() => new { model = {|#0:"grok-imagine-video-1.5-official"|}, duration = Missing.Value, image_urls = {|#1:new[] { {|#2:1|}, {|#3:"x"|} }|} };
                public static object C() => new Dictionary<string, object> { ["model"] = "grok-imagine-video-1.5-official", [Unknown] = 3 };
                public static object D() => new Nope { ["model"] = "grok-imagine-video-1.5-official" };
                public static string E() => "{\"model\": \"grok-imagine-video-1.5-official\", \"duration\": ";
                public static string F() => "{\"model\": \"grok-imagine-video-1.5-official\", \"x\": \u0022";
                public static object G() => new { model = {|#4:"grok-imagine-video-1.5-official"|}, prompt = {|#5:new { model = new { model = 1 } }|} };
            """,
            new TestOptions { IgnoreCompilerDiagnostics = true },
            Verify.Diagnostic("GRK004").WithLocation(0),
            Verify.Diagnostic("GRK006").WithLocation(1),
            Verify.Diagnostic("GRK002").WithLocation(2).WithMessage("image_urls[0] = 1 is a JSON integer but grok-imagine-video-1.5-official expects a JSON array of strings (the API answers 20003 'image_urls must be a JSON array')"),
            Verify.Diagnostic("GRK005").WithLocation(3),
            Verify.Diagnostic("GRK004").WithLocation(4),
            Verify.Diagnostic("GRK002").WithLocation(5));

    [Fact]
    public Task SeverityFromEditorConfig_None() =>
        Verify.Analyzer(
            Official(PayloadContext.Anonymous, ("duration", "20")),
            new TestOptions { EditorConfig = "root = true\n\n[*.cs]\ndotnet_diagnostic.GRK001.severity = none\n" });

    [Fact]
    public Task SeverityFromEditorConfig_Warning() =>
        Verify.Analyzer(
            Official(PayloadContext.Anonymous, ("duration", "{|#0:20|}")),
            new TestOptions { EditorConfig = "root = true\n\n[*.cs]\ndotnet_diagnostic.GRK001.severity = warning\n" },
            Verify.Diagnostic("GRK001").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));

    [Fact]
    public Task SpanMapsThroughUnicodeEscapes() =>
        Verify.Analyzer(
            """
            public static class Payloads
            {
                public const string Body = "{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"\u0041 cat \\\"quoted\\\"\",\"image_urls\":[\"https://x.example/a.png\"],\"aspect_ratio\":{|#0:\"au\u0074o\"|}}";
            }
            """,
            Verify.Diagnostic("GRK003").WithLocation(0));

    [Fact]
    public Task Utf8Literal() =>
        Verify.Analyzer(
            """
            public static class Payloads
            {
                public static System.ReadOnlySpan<byte> Body => "{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"A cat\",\"image_urls\":[\"https://x.example/a.png\"],\"duration\":{|#0:99|}}"u8;
            }
            """,
            Verify.Diagnostic("GRK001").WithLocation(0));

    /// <summary>Run-time values are never guessed at: interpolation and concatenation with a non-constant part are not read (constant concatenation is, see Contexts/ConcatenatedJsonTests).</summary>
    [Fact]
    public Task InterpolatedAndRunTimeConcatenatedStringsAreNotPayloads() =>
        Verify.Analyzer(
            """
            public static class Payloads
            {
                public static string A(int d) => $"{{\"model\":\"grok-imagine-video-1.5-official\",\"duration\":{d}}}";
                public static string B(int d) => "{\"model\":\"grok-imagine-video-1.5-official\"," + "\"duration\":" + d + ",\"aspect_ratio\":\"auto\"}";
            }
            """);

    /// <summary>A few hundred lines of varied C# (generics, LINQ, records, strings with "model" that are not payloads, dictionaries with other keys).</summary>
    private static string UnrelatedCode(int blocks, bool modern = true)
    {
        var builder = new StringBuilder("using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Text.Json.Nodes;\n\n");
        for (var i = 0; i < blocks; i++)
        {
            builder.Append($$"""
                public class Service{{i}}<T> where T : class
                {
                    private readonly Dictionary<string, object> _settings = new Dictionary<string, object> { ["name"] = "svc{{i}}", ["retries"] = {{i}} };
                    private const string Doc = "the \"model\" word in prose, not JSON {{i}}";
                    private const string OtherJson = "{\"model\": \"some-other-model-{{i}}\", \"duration\": 99}";
                    private const string NotAnObject = "[\"model\", {{i}}]";

                    public IEnumerable<int> Evens(IEnumerable<int> source) => source.Where(x => x % 2 == 0).Select(x => x * {{i + 1}});

                    public object Anonymous() => new { name = "n{{i}}", model = "car-{{i}}", count = {{i}} };

                    public object Mixed(T value)
                    {
                        var list = new List<string> { "a", "b", Doc };
                        var lookup = list.ToDictionary(s => s, s => s.Length);
                        Func<int, int> square = x => x * x;
                        object json = new JsonObject { ["id"] = {{i}}, ["tags"] = new JsonArray { "x", "y" } };
                        return value is null ? (object)lookup : new { value, square, json, OtherJson, NotAnObject };
                    }
                }

                """);
            if (modern)
            {
                builder.Append($$""""
                    public record Point{{i}}(int X, int Y)
                    {
                        public static string Raw => """{ "model": "unknown-{{i}}", "prompt": "" }""";

                        public int[] Items => [X, Y, {{i}}];

                        public string Describe() => this switch { { X: > 0 } => $"positive {X}", _ => "other" };
                    }

                    """");
            }
        }

        return builder.ToString();
    }
}
