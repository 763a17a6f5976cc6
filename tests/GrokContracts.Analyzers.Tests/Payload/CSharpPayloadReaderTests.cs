using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GrokContracts.Generators.Payload;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GrokContracts.Analyzers.Tests.Payload;

/// <summary>
/// <see cref="CSharpPayloadReader"/>: what each C# expression is on the wire, as System.Text.Json would write it.
/// Constants become strings, numbers (as C# prints them), booleans and null; arrays, lists, collection expressions and
/// JsonArray become arrays; anonymous objects, dictionaries and JsonObject become objects; anything else is present but
/// unknown (<c>?</c> below). Each value's origin is the syntax that writes it.
/// </summary>
public sealed class CSharpPayloadReaderTests
{
    [Theory]
    [InlineData("\"x\"", "\"x\"")]
    [InlineData("'c'", "\"c\"")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData("(string)null", "null")]
    [InlineData("8", "8")]
    [InlineData("-8L", "-8")]
    [InlineData("(short)7", "7")]
    [InlineData("(sbyte)-7", "-7")]
    [InlineData("(byte)255", "255")]
    [InlineData("(ushort)65535", "65535")]
    [InlineData("4000000000u", "4000000000")]
    [InlineData("18446744073709551615ul", "18446744073709551615")]
    [InlineData("8.50m", "8.50")]
    [InlineData("8.5", "8.5")]
    [InlineData("1e300", "1E+300")]
    [InlineData("0.1f", "0.1")]
    [InlineData("double.NaN", "?")]
    [InlineData("double.PositiveInfinity", "?")]
    [InlineData("float.NegativeInfinity", "?")]
    [InlineData("float.NaN", "?")]
    [InlineData("Const", "\"k\"")]
    [InlineData("Const + \"2\"", "\"k2\"")]
    [InlineData("(object)8", "8")]
    [InlineData("((object)(8))", "8")]
    [InlineData("(long)8", "8")]
    [InlineData("Text!", "?")]
    [InlineData("((string)\"x\")!", "\"x\"")]
    [InlineData("(object)Text", "?")]
    [InlineData("Text", "?")]
    [InlineData("System.DateTime.Now", "?")]
    [InlineData("nameof(Text)", "\"Text\"")]
    public void Constants_and_what_is_not_one(string expression, string expected) => Assert.Equal(expected, Read(expression));

    [Theory]
    [InlineData("new[] { \"a\", \"b\" }", "[\"a\",\"b\"]")]
    [InlineData("new string[] { \"a\" }", "[\"a\"]")]
    [InlineData("new string[2]", "?")]
    [InlineData("new object[] { 1, \"a\", null, true }", "[1,\"a\",null,true]")]
    [InlineData("(string[])[\"a\"]", "[\"a\"]")]
    [InlineData("(object)new[] { 1 }", "?")]
    [InlineData("new List<string> { \"a\", Text }", "[\"a\",?]")]
    [InlineData("new List<string>(4) { \"a\" }", "?")]
    [InlineData("new List<string>()", "?")]
    [InlineData("new JsonArray(\"a\", 2)", "[\"a\",2]")]
    [InlineData("new JsonArray { \"a\", JsonValue.Create(3) }", "[\"a\",3]")]
    [InlineData("new JsonArray(options: null)", "?")]
    [InlineData("new JsonArray()", "[]")]
    public void Arrays(string expression, string expected) => Assert.Equal(expected, Read(expression));

    [Theory]
    [InlineData("new { model = \"m\", duration = 8 }", "{model:\"m\",duration:8}")]
    [InlineData("new { Const, x.Length, duration = Text }", "{Const:\"k\",Length:?,duration:?}")]
    [InlineData("new { model = \"m\", x?.Length }", "{model:\"m\",Length:?}")]
    [InlineData("new { a = new { b = new[] { 1 } } }", "{a:{b:[1]}}")]
    [InlineData("new Dictionary<string, object> { [\"model\"] = \"m\", [Const] = 1 }", "{model:\"m\",k:1}")]
    [InlineData("new Dictionary<string, object> { { \"model\", \"m\" }, { \"n\", 2.5 } }", "{model:\"m\",n:2.5}")]
    [InlineData("new Dictionary<string, object> { [Text] = 1 }", "?")]
    [InlineData("new Dictionary<string, object>(StringComparer.Ordinal) { [\"a\"] = 1 }", "{a:1}")]
    [InlineData("new JsonObject { [\"model\"] = \"m\", [\"d\"] = JsonValue.Create(8) }", "{model:\"m\",d:8}")]
    [InlineData("new JsonObject()", "?")]
    [InlineData("new Holder { Value = 1 }", "?")]
    [InlineData("new Holder(1) { Value = 1 }", "?")]
    public void Objects(string expression, string expected) => Assert.Equal(expected, Read(expression));

    [Theory]
    [InlineData("JsonValue.Create(20)", "20")]
    [InlineData("JsonValue.Create(\"x\")", "\"x\"")]
    [InlineData("JsonValue.Create(value: 20)", "?")]
    [InlineData("Factory.Create(20)", "?")]
    [InlineData("JsonValue.Create(Text)", "?")]
    public void JsonValue_Create_is_its_argument(string expression, string expected) => Assert.Equal(expected, Read(expression));

    [Theory]
    [InlineData(8, "[[[[[[[[1]]]]]]]]")]
    [InlineData(9, "[[[[[[[[[?]]]]]]]]]")] // the ninth array's item is past the depth: present, not read
    public void Nesting_is_read_to_a_bounded_depth(int depth, string expected)
    {
        var expression = string.Concat(Enumerable.Repeat("new[] { ", depth - 1)) + "new[] { 1 }" + string.Concat(Enumerable.Repeat(" }", depth - 1));
        Assert.Equal(expected, Read(expression));
    }

    [Theory]
    [InlineData("new {{ a = {0} }}", "{{a:{0}}}")]
    [InlineData("new Dictionary<string, object> {{ [\"a\"] = {0} }}", "{{a:{0}}}")]
    [InlineData("new Dictionary<string, object> {{ {{ \"a\", {0} }} }}", "{{a:{0}}}")]
    [InlineData("new JsonObject {{ [\"a\"] = {0} }}", "{{a:{0}}}")]
    [InlineData("(object[])[{0}]", "[{0}]")]
    [InlineData("new List<object> {{ {0} }}", "[{0}]")]
    [InlineData("new JsonArray({0})", "[{0}]")]
    [InlineData("new JsonArray {{ {0} }}", "[{0}]")]
    [InlineData("JsonValue.Create({0})", "{0}")] // a wrapper, not a container on the wire, but a level of reading all the same
    [InlineData("new object[] {{ {0} }}", "[{0}]")]
    public void Every_container_counts_toward_the_depth_bound(string container, string rendered)
    {
        // Eight levels are read to the innermost value; a ninth level's value is present but not read. Each level is
        // the container under test, so a container that does not count its level reads one level too deep.
        string Nest(int levels, string inner, string format) =>
            Enumerable.Range(0, levels).Aggregate(inner, (current, _) => string.Format(CultureInfo.InvariantCulture, format, current));

        Assert.Equal(Nest(8, "1", rendered), Read(Nest(8, "1", container)));
        Assert.Equal(Nest(9, "?", rendered), Read(Nest(9, "1", container)));
    }

    [Fact]
    public void Collection_expressions_are_arrays_unless_they_spread()
    {
        Assert.Equal("[\"a\",?]", Read("(List<string>)[\"a\", Text]"));
        Assert.Equal("?", Read("(List<string>)[.. Items]"));
    }

    [Fact]
    public void Origins_are_the_syntax_that_writes_each_value_and_name()
    {
        var (value, _) = ReadWithModel("new { model = (\"m\"), [|duration|] = 8, x.Length }".Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal));
        var payload = Assert.IsType<PayloadObject>(value);

        Assert.Equal("new { model = (\"m\"), duration = 8, x.Length }", payload.Origin!.ToString());
        Assert.Equal(["model", "duration", "x.Length"], payload.Properties.Select(p => p.Origin!.ToString()));
        Assert.Equal(["(\"m\")", "8", "x.Length"], payload.Properties.Select(p => p.Value.Origin!.ToString()));
    }

    [Fact]
    public void A_member_without_a_name_is_skipped_not_guessed()
    {
        // new { model = "m", 1 + 2 } is CS0746; the reader still runs while the user types, and keeps what it can name.
        var tree = CSharpSyntaxTree.ParseText("class C { object M() => new { model = \"m\", 1 + 2, d = 8 }; }");
        var compilation = CSharpCompilation.Create("broken", [tree], References.Value);
        var node = tree.GetRoot().DescendantNodes().OfType<AnonymousObjectCreationExpressionSyntax>().Single();

        var payload = new CSharpPayloadReader(compilation.GetSemanticModel(tree), new PayloadSymbols(compilation), default).ReadAnonymousObject(node);

        Assert.Equal("{model:\"m\",d:8}", Render(payload));
    }

    [Fact]
    public void Syntax_only_tests_find_the_model_member_or_key()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            class C
            {
                object A = new { model = 1 };
                object B = new { x.model };
                object B2 = new { x?.model };
                object C1 = new { Model = 1 };
                object D = new Dictionary<string, object> { ["model"] = 1 };
                object E = new Dictionary<string, object> { { "model", 1 } };
                object F = new Dictionary<string, object> { [Key] = 1 };
            }
            """);
        var anonymous = tree.GetRoot().DescendantNodes().OfType<AnonymousObjectCreationExpressionSyntax>().ToList();
        var initializers = tree.GetRoot().DescendantNodes().OfType<InitializerExpressionSyntax>().Where(i => i.Parent is ObjectCreationExpressionSyntax).ToList();

        Assert.Equal([true, true, true, false], anonymous.Select(CSharpPayloadReader.HasModelMember));
        Assert.Equal([true, true, false], initializers.Select(CSharpPayloadReader.HasModelKey));
    }

    private static string Read(string expression) => Render(ReadWithModel(expression).Value);

    private static (PayloadValue Value, SemanticModel Model) ReadWithModel(string expression)
    {
        var source = $$"""
            using System;
            using System.Collections.Generic;
            using System.Text.Json.Nodes;

            public sealed class Holder
            {
                public Holder() { }
                public Holder(int value) => Value = value;
                public int Value { get; set; }
            }

            public static class Factory
            {
                public static object Create(int value) => value;
            }

            public static class C
            {
                public const string Const = "k";
                public static string Text = "t";
                public static string[] Items = [];

                public static object M(string x) => {{expression}};
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("reader", [tree], References.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var model = compilation.GetSemanticModel(tree);
        var body = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "M").ExpressionBody!.Expression;
        return (new CSharpPayloadReader(model, new PayloadSymbols(compilation), default).Read(body), model);
    }

    private static string Render(PayloadValue value) => value switch
    {
        PayloadString s => "\"" + s.Value + "\"",
        PayloadNumber n => n.Text,
        PayloadBoolean b => b.Value ? "true" : "false",
        PayloadNull => "null",
        PayloadArray a => "[" + string.Join(",", a.Items.Select(Render)) + "]",
        PayloadObject o => "{" + string.Join(",", o.Properties.Select(p => p.Name + ":" + Render(p.Value))) + "}",
        _ => "?",
    };

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator)
            .Where(p => System.IO.Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());
}
