using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.CodeFixes.Rules;
using GrokContracts.Generators.Diagnostics;

namespace GrokContracts.Analyzers.Tests.Rules.Contexts;

/// <summary>
/// GRK009 beyond anonymous objects: a clean dictionary, <c>JsonObject</c> or JSON-literal payload whose typed request
/// exists is pointed out too (on <c>new</c>, or on the literal), without a fix — the expression's type would change
/// from a dictionary or a string to the request. A payload with a violation, or without the generated API, is not.
/// </summary>
public sealed class TypedRequestSuggestionContextsTests
{
    private const string Dictionary = """
        using System.Collections.Generic;

        public static class Payloads
        {
            public static object Create() => {|#0:new|} Dictionary<string, object>
            {
                ["model"] = "grok-imagine-video-1.5-official",
                ["prompt"] = "A cat walks",
                ["image_urls"] = new[] { "https://cdn.example.com/cat.png" },
                ["duration"] = 5,
            };
        }
        """;

    private const string Node = """
        using System.Text.Json.Nodes;

        public static class Payloads
        {
            public static JsonObject Create() => {|#0:new|} JsonObject
            {
                ["model"] = "grok-imagine-video-1.5-beta",
                ["image_urls"] = new JsonArray { "https://cdn.example.com/cat.png" },
                ["aspect_ratio"] = "auto",
            };
        }
        """;

    private const string Json = """
        public static class Payloads
        {
            public const string Body = {|#0:"{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"A cat\",\"image_urls\":[\"https://cdn.example.com/cat.png\"],\"resolution\":\"720p\"}"|};
        }
        """;

    [Fact]
    public Task Clean_dictionary_payload_is_GRK009() =>
        Verify.Analyzer(Dictionary, TestOptions.Generated, Verify.Diagnostic("GRK009").WithLocation(0));

    [Fact]
    public Task Clean_JsonObject_payload_is_GRK009() =>
        Verify.Analyzer(Node, TestOptions.Generated, Verify.Diagnostic("GRK009").WithLocation(0));

    [Fact]
    public Task Clean_JSON_literal_payload_is_GRK009() =>
        Verify.Analyzer(Json, TestOptions.Generated, Verify.Diagnostic("GRK009").WithLocation(0));

    [Fact]
    public async Task No_fix_is_offered_without_a_replacement_expression()
    {
        // What the analyzer reports outside anonymous objects: the request type, no replacement.
        var document = new Microsoft.CodeAnalysis.AdhocWorkspace().CurrentSolution
            .AddProject("P", "P", Microsoft.CodeAnalysis.LanguageNames.CSharp)
            .AddDocument("A.cs", Dictionary.Replace("{|#0:new|}", "new", System.StringComparison.Ordinal));
        var text = await document.GetTextAsync();
        var location = Microsoft.CodeAnalysis.Location.Create((await document.GetSyntaxTreeAsync())!, new Microsoft.CodeAnalysis.Text.TextSpan(text.ToString().IndexOf("new Dictionary", System.StringComparison.Ordinal), 3));
        var properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty
            .Add("Context", "csharp")
            .Add("RequestType", "global::GrokContracts.GrokImagineVideo15Official.VideoGenerationRequest");
        var diagnostic = Microsoft.CodeAnalysis.Diagnostic.Create(GrokContracts.Generators.Diagnostics.DiagnosticDescriptors.UseTypedRequest, location, properties, "x");
        var actions = 0;
        await new TypedRequestFixer().RegisterCodeFixesAsync(new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, diagnostic, (_, _) => actions++, System.Threading.CancellationToken.None));
        Assert.Equal(0, actions);
    }

    [Fact]
    public Task Not_without_the_generated_API_or_with_a_violation() =>
        Verify.Analyzer(Dictionary.Replace("{|#0:new|}", "new", System.StringComparison.Ordinal) + "\n" + Json.Replace("{|#0:", "", System.StringComparison.Ordinal).Replace("|};", ";", System.StringComparison.Ordinal).Replace("Payloads", "Payloads2", System.StringComparison.Ordinal));
}
