using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using GrokContracts.CodeFixes.Rules;

namespace GrokContracts.Analyzers.Tests.Rules;

/// <summary>
/// GRK007's remove fix on payloads written one member per line, the usual layout: the member's whole line goes,
/// with its comma, and no blank line or stray indentation is left — in the middle, last with a trailing comma,
/// and last without one.
/// </summary>
public sealed class GRK007MultiLineTests
{
    private const string Head = "using System.Collections.Generic;\nusing System.Text.Json.Nodes;\n\npublic static class Payloads\n{\n    public static object Create() => ";

    [Theory]
    [InlineData("new\n    {\n", "model = \"grok-imagine-video-1.5-official\"", "prompt = \"A cat\"", "image_urls = new[] { \"https://cdn.example.com/cat.png\" }", "{|#0:nsfw_checker|} = true", "    }")]
    [InlineData("new Dictionary<string, object>\n    {\n", "[\"model\"] = \"grok-imagine-video-1.5-official\"", "[\"prompt\"] = \"A cat\"", "[\"image_urls\"] = new[] { \"https://cdn.example.com/cat.png\" }", "[{|#0:\"nsfw_checker\"|}] = true", "    }")]
    [InlineData("new Dictionary<string, object>\n    {\n", "{ \"model\", \"grok-imagine-video-1.5-official\" }", "{ \"prompt\", \"A cat\" }", "{ \"image_urls\", new[] { \"https://cdn.example.com/cat.png\" } }", "{ {|#0:\"nsfw_checker\"|}, true }", "    }")]
    [InlineData("new JsonObject\n    {\n", "[\"model\"] = \"grok-imagine-video-1.5-official\"", "[\"prompt\"] = \"A cat\"", "[\"image_urls\"] = new JsonArray { \"https://cdn.example.com/cat.png\" }", "[{|#0:\"nsfw_checker\"|}] = true", "    }")]
    public async Task Removing_a_member_removes_its_line(string open, string model, string prompt, string images, string unknown, string close)
    {
        // In the middle.
        await Fix(open, [model, unknown, prompt, images], [model, prompt, images], close, trailingComma: true);
        // Last, with a trailing comma.
        await Fix(open, [model, prompt, images, unknown], [model, prompt, images], close, trailingComma: true);
        // Last, without a trailing comma: the comma before it goes instead.
        await Fix(open, [model, prompt, images, unknown], [model, prompt, images], close, trailingComma: false);
        // A comment line above the member is the user's: it stays.
        await Fix(open, [model, "// filters\n        " + unknown, prompt, images], [model, "// filters\n        " + prompt, images], close, trailingComma: true);
    }

    private static Task Fix(string open, string[] before, string[] after, string close, bool trailingComma) =>
        Verify.CodeFix<UnknownParameterFixer>(
            Layout(open, before, close, trailingComma),
            Layout(open, after, close, trailingComma),
            Verify.Diagnostic("GRK007").WithLocation(0));

    private static string Layout(string open, string[] members, string close, bool trailingComma)
    {
        var body = "";
        for (var i = 0; i < members.Length; i++)
        {
            body += "        " + members[i] + (i < members.Length - 1 || trailingComma ? "," : "") + "\n";
        }

        return Head + open + body + close + ";\n}\n";
    }
}
