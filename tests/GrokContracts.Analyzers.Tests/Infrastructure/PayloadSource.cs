using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace GrokContracts.Analyzers.Tests.Infrastructure;

/// <summary>Where a payload is written: the contexts the analyzer understands.</summary>
public enum PayloadContext
{
    Anonymous,
    DictionaryIndexer,
    DictionaryCollection,
    JsonObject,
    JsonRegular,
    JsonVerbatim,
    JsonRaw,
    JsonConst,
}

/// <summary>A member value written for C# and for JSON (they differ for arrays).</summary>
public readonly record struct V(string CSharp, string Json)
{
    public static implicit operator V(string both) => new(both, both);

    /// <summary>An array of string items (already quoted, markup allowed around each).</summary>
    public static V Array(params string[] items) =>
        new("new[] { " + string.Join(", ", items) + " }", "[" + string.Join(", ", items) + "]");
}

/// <summary>
/// Writes the same payload in any <see cref="PayloadContext"/>, so one test body covers every context. Values
/// may carry <c>{|#0:…|}</c> markup; inside JSON literals the markup survives the literal's escaping.
/// </summary>
public static class PayloadSource
{
    public const string OfficialModel = "grok-imagine-video-1.5-official";
    public const string BetaModel = "grok-imagine-video-1.5-beta";
    public const string Image = "\"https://cdn.example.com/cat.png\"";

    public static readonly PayloadContext[] All = Enum.GetValues<PayloadContext>();

    /// <summary>Contexts C# 7.3 can write (no raw strings).</summary>
    public static readonly PayloadContext[] CSharp73 = All.Where(c => c != PayloadContext.JsonRaw).ToArray();

    public static IEnumerable<object[]> AllContexts() => All.Select(c => new object[] { c });

    public static IEnumerable<object[]> CSharpContexts() => All.Where(c => !IsJson(c)).Select(c => new object[] { c });

    public static IEnumerable<object[]> JsonContexts() => All.Where(IsJson).Select(c => new object[] { c });

    public static bool IsJson(PayloadContext context) => context >= PayloadContext.JsonRegular;

    /// <summary>A valid official payload plus <paramref name="members"/> (which override the defaults by name; a null value removes one).</summary>
    public static string Official(PayloadContext context, params (string Name, V? Value)[] members) =>
        Source(context, OfficialModel, Merge(new (string, V?)[] { ("prompt", "\"A cat walks\""), ("image_urls", V.Array(Image)) }, members));

    /// <summary>A valid beta payload plus <paramref name="members"/>.</summary>
    public static string Beta(PayloadContext context, params (string Name, V? Value)[] members) =>
        Source(context, BetaModel, Merge(new (string, V?)[] { ("image_urls", V.Array(Image)) }, members));

    /// <summary>A payload with exactly <paramref name="members"/> after <c>model</c> (whose value may be markup).</summary>
    public static string Source(PayloadContext context, string model, IReadOnlyList<(string Name, V Value)> members, string modelMarkup = "")
    {
        var all = new List<(string Name, V Value)> { ("model", Quote(model, modelMarkup)) };
        all.AddRange(members);
        var expression = context switch
        {
            PayloadContext.Anonymous => "new { " + string.Join(", ", all.Select(m => Name(m.Name, quoted: false) + " = " + m.Value.CSharp)) + " }",
            PayloadContext.DictionaryIndexer => "new Dictionary<string, object> { " + string.Join(", ", all.Select(m => "[" + Name(m.Name) + "] = " + m.Value.CSharp)) + " }",
            PayloadContext.DictionaryCollection => "new Dictionary<string, object> { " + string.Join(", ", all.Select(m => "{ " + Name(m.Name) + ", " + m.Value.CSharp + " }")) + " }",
            PayloadContext.JsonObject => "new JsonObject { " + string.Join(", ", all.Select(m => "[" + Name(m.Name) + "] = " + JsonNodeValue(m.Value.CSharp))) + " }",
            PayloadContext.JsonRegular => "\"" + EscapeRegular(Json(all)) + "\"",
            PayloadContext.JsonVerbatim => "@\"" + Json(all).Replace("\"", "\"\"") + "\"",
            PayloadContext.JsonRaw => "\"\"\"\n            " + Json(all) + "\n            \"\"\"",
            PayloadContext.JsonConst => "Body",
            _ => throw new ArgumentOutOfRangeException(nameof(context)),
        };

        var constant = context == PayloadContext.JsonConst ? "    private const string Body = \"" + EscapeRegular(Json(all)) + "\";\n\n" : string.Empty;
        return
            "using System.Collections.Generic;\n" +
            "using System.Text.Json.Nodes;\n\n" +
            "public static class Payloads\n{\n" +
            constant +
            "    public static object Create()\n    {\n" +
            "        return " + expression + ";\n" +
            "    }\n}\n";
    }

    /// <summary>A file that uses the generated typed API of the official channel: <paramref name="expression"/> is returned.</summary>
    public static string Typed(string expression, string ns = "GrokContracts.GrokImagineVideo15Official") =>
        "using " + ns + ";\n\n" +
        "public static class Requests\n{\n" +
        "    public static object Create()\n    {\n" +
        "        return " + expression + ";\n" +
        "    }\n}\n";

    /// <summary>The members with the model value marked as location 0.</summary>
    public static string Quote(string value, string markup) =>
        markup.Length == 0 ? "\"" + value + "\"" : "{|" + markup + ":\"" + value + "\"|}";

    private static List<(string Name, V Value)> Merge((string Name, V? Value)[] defaults, (string Name, V? Value)[] members)
    {
        var result = new List<(string Name, V Value)>();
        foreach (var (name, value) in defaults)
        {
            var overridden = members.Where(m => m.Name == name).ToList();
            var chosen = overridden.Count > 0 ? overridden[0].Value : value;
            if (chosen is { } v)
            {
                result.Add((name, v));
            }
        }

        foreach (var (name, value) in members)
        {
            if (!defaults.Any(d => d.Name == name) && value is { } v)
            {
                result.Add((name, v));
            }
        }

        return result;
    }

    private static string Json(IEnumerable<(string Name, V Value)> members) =>
        "{ " + string.Join(", ", members.Select(m => Name(m.Name) + ": " + m.Value.Json)) + " }";

    /// <summary>A member name, quoted unless <paramref name="quoted"/> is false; <c>#0:name</c> marks it as location 0.</summary>
    private static string Name(string name, bool quoted = true)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var markup = (name.StartsWith('#') || name.StartsWith("GRK", StringComparison.Ordinal)) && colon > 0 ? name.Substring(0, colon) : null;
        var bare = markup is null ? name : name.Substring(colon + 1);
        var text = quoted ? "\"" + bare + "\"" : bare;
        return markup is null ? text : "{|" + markup + ":" + text + "|}";
    }

    // JsonObject values: arrays become JsonArray; scalars convert implicitly to JsonNode.
    private static string JsonNodeValue(string csharp) =>
        csharp.Replace("new[] { ", "new JsonArray { ", StringComparison.Ordinal);

    private static string EscapeRegular(string json)
    {
        // Escape quotes and backslashes but not inside {|…|} markup delimiters (which contain neither).
        var builder = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
