using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using CsCheck;
using GrokContracts.Generators.Tests.TestSupport;
using GrokContracts.Robustness.Tests.Support;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace GrokContracts.Robustness.Tests.GeneratedCode;

/// <summary>
/// The promise behind "edit the spec and rebuild": every spec the Spec library accepts generates C# that compiles
/// without a warning (C# 7.3 and latest, nullable on and off), and every spec it rejects generates nothing — the
/// generator never throws (CS8785) either way. Random specs use names and values chosen to hurt: C# keywords,
/// Unicode letters, names that derive the same C# name, names of generated members, quotes, backslashes, XML
/// specials, NEL/LS/PS (line breaks to C#), emoji, comment openers, huge and negative bounds.
/// </summary>
public sealed class RandomSpecsCompileTests(ITestOutputHelper output)
{
    private static readonly string[] NameParts =
    [
        "prompt", "seed", "size", "mode", "image", "url", "URL", "event", "class", "string", "with", "to", "json", "model",
        "id", "validate", "r\u00e9sum\u00e9", "gr\u00f6\u00dfe", "\u03c9mega", "\u4e2d\u6587", "3d", "v2", "x", "default", "channel",
    ];

    private static readonly string[] TextPieces =
    [
        "a", "Z", "9", " ", "a&b", "<x>", "</c>", "\"q\"", "'", "\\", "\\n", "\t", "\u2028", "\u2029", "\u0085", "\u0001",
        "\ud83d\ude00", "\u00e9", "\u4e2d", "{", "}", "{name}", "#", ": ", "- ", "/*", "*/", "//", "]]>", "&amp;", "\r\n",
    ];

    private static readonly string[] RequestTypes = ["VideoGenerationRequest", "Request", "ClipRequest", "Seed", "Size"];

    private static readonly string[] ModelIds = ["m", "video-1.5", "3d-clip_v2", "a.b-c", "seed"];

    private static readonly string[] ErrorKeys = ["missing", "empty", "type", "minItems", "maxItems", "range", "allowed", "format", "unknown"];

    [Fact]
    public void Accepted_specs_compile_without_warnings_and_rejected_specs_generate_nothing()
    {
        var iterations = 120 * RobustnessScale.Factor;
        int accepted = 0, rejected = 0, requests = 0;
        var seed = RobustnessSeed.Choose(output);
        var versions = new[] { (LanguageVersion.CSharp7_3, NullableContextOptions.Disable), (LanguageVersion.Latest, NullableContextOptions.Enable), (LanguageVersion.Latest, NullableContextOptions.Disable) };

        SpecText.Sample(
            spec =>
            {
                var parse = ContractParser.Parse(spec.Text, "/project/random.yaml", CancellationToken.None);
                var (version, nullable) = versions[spec.Variant % versions.Length];
                var result = GeneratorRunner.Run([new SpecInput("/project/random.yaml", spec.Text)], version, nullable);

                // The generator reports exactly the parser's GRK1xx (CS8785 would be here too).
                Assert.Equal(parse.Diagnostics.Select(d => d.Id), result.Diagnostics.Select(d => d.Id));
                Assert.Null(result.RunResult.Results.Single().Exception);
                if (parse.Diagnostics.Count > 0)
                {
                    Assert.Empty(result.Sources);
                    Interlocked.Increment(ref rejected);
                    return;
                }

                Assert.NotEmpty(result.Sources);
                var problems = result.Compilation.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
                Assert.True(problems.Count == 0, version + "/" + nullable + ":\n" + string.Join("\n", problems.Take(10)) + "\n--- spec ---\n" + spec.Text);
                Interlocked.Increment(ref accepted);
                Interlocked.Add(ref requests, ValidateAgreesWithContractRules(parse.Contract!, result.Compilation, spec.Variant));
            },
            iter: iterations,
            threads: 1,
            seed: seed,
            print: s => "variant " + s.Variant.ToString(CultureInfo.InvariantCulture) + "\n" + s.Text);

        output.WriteLine($"{iterations} random specs: {accepted} accepted and compiled ({requests} random requests where Validate() agreed with ContractRules), {rejected} rejected with GRK1xx and no output");
        // The sweep means nothing if the generator rarely gets to run: most specs must be valid.
        Assert.True(accepted * 2 >= iterations, RobustnessSeed.With(seed, $"only {accepted} of {iterations} random specs were valid"));
        Assert.True(rejected > 0, RobustnessSeed.With(seed, "no random spec was rejected: the name clashes are not being exercised"));
    }

    /// <summary>
    /// The differential of <c>Validate()</c> and <see cref="ContractRules.Check"/> (on the request's own JSON), on random
    /// requests of a random accepted spec: same violations, codes, messages, paths and kinds, in the same order. The
    /// shipped specs get the same sweep in <c>ValidateAgreesWithContractRulesTests</c>.
    /// </summary>
    private static int ValidateAgreesWithContractRules(Contract contract, Compilation compilation, int variant)
    {
        var assembly = GeneratorRunner.EmitAndLoad(compilation);
        var random = new Random(variant);
        const int Requests = 20;
        for (var i = 0; i < Requests; i++)
        {
            Differential.Agreement.AssertAgree(contract, Differential.RandomRequests.Create(contract, assembly, random), "request " + i.ToString(CultureInfo.InvariantCulture));
        }

        return Requests;
    }

    private sealed record RandomSpec(string Text, int Variant);

    private static readonly Gen<string> Name =
        Gen.Select(Gen.OneOfConst(NameParts).Array[1, 3], Gen.OneOfConst("_", "-"), (parts, separator) => string.Join(separator, parts));

    private static readonly Gen<string> Text = Gen.OneOfConst(TextPieces).Array[1, 6].Select(pieces => string.Concat(pieces));

    private static readonly Gen<string> Parameter =
        Gen.Int[0, 5].SelectMany(kind => kind switch
        {
            0 => Gen.Select(Gen.Bool, Gen.Bool, Text, (required, nonEmpty, doc) =>
                "    type: string\n" + (required ? "    required: true\n" : "") + (nonEmpty ? "    nonEmpty: true\n" : "") + "    doc: " + Quote(doc) + "\n"),
            1 => Gen.Select(Gen.Int[-2000, 2000], Gen.Int[0, 3000], Gen.Bool, Gen.Bool, (min, span, extremes, withDefault) =>
            {
                var minimum = extremes ? int.MinValue : min;
                var maximum = extremes ? int.MaxValue : min + span;
                return "    type: integer\n    minimum: " + minimum.ToString(CultureInfo.InvariantCulture) + "\n    maximum: " + maximum.ToString(CultureInfo.InvariantCulture) + "\n"
                    + (withDefault ? "    default: " + maximum.ToString(CultureInfo.InvariantCulture) + "\n" : "");
            }),
            2 => Gen.Select(Gen.Int[0, 99], Gen.Int[1, 400], (tenths, span) =>
                "    type: number\n    minimum: " + (tenths / 10m).ToString(CultureInfo.InvariantCulture) + "\n    maximum: " + ((tenths + span) / 10m).ToString(CultureInfo.InvariantCulture)
                + "\n    default: " + (tenths / 10m).ToString(CultureInfo.InvariantCulture) + "\n"),
            3 => Gen.OneOfConst("    type: boolean\n", "    type: boolean\n    default: true\n", "    type: boolean\n    default: false\n"),
            4 => Gen.Select(Gen.Int[1, 3], Gen.Bool, (max, required) =>
                "    type: array\n    items: { type: string, format: public-http-url }\n    maxItems: " + max.ToString(CultureInfo.InvariantCulture) + "\n" + (required ? "    required: true\n    minItems: 1\n" : "")),
            _ => Gen.Select(Text.Array[1, 4], Gen.Bool, Gen.Bool, (values, named, withDefault) =>
            {
                var distinct = values.Distinct(StringComparer.Ordinal).ToArray();
                var builder = new StringBuilder("    type: string\n    values:\n");
                for (var i = 0; i < distinct.Length; i++)
                {
                    builder.Append("      - { value: ").Append(Quote(distinct[i])).Append(named ? ", name: Value" + i.ToString(CultureInfo.InvariantCulture) : "")
                        .Append(", doc: ").Append(Quote(distinct[i])).Append(" }\n");
                }

                return (withDefault ? builder.Append("    default: ").Append(Quote(distinct[0])).Append('\n') : builder).ToString();
            }),
        });

    private static readonly Gen<RandomSpec> SpecText =
        Gen.Select(Gen.OneOfConst(ModelIds), Gen.OneOfConst(RequestTypes), Text, Gen.Select(Name, Parameter).Array[1, 6], Gen.Int[0, 1000], (model, requestType, summary, parameters, variant) =>
        {
            var builder = new StringBuilder()
                .Append("specVersion: 1\nmodel: ").Append(model).Append('\n')
                .Append("requestType: ").Append(requestType).Append('\n')
                .Append("summary: ").Append(Quote(summary)).Append('\n')
                .Append("endpoints:\n  baseUrl: https://example.com\n  submit: { method: POST, path: /submit }\n  poll: { method: GET, path: \"/tasks/{id}\" }\n")
                .Append("errors:\n");
            for (var i = 0; i < ErrorKeys.Length; i++)
            {
                builder.Append("  ").Append(ErrorKeys[i]).Append(": { code: ").Append(20001 + i).Append(", message: \"{name} is wrong\" }\n");
            }

            builder.Append("parameters:\n");
            foreach (var name in parameters.Select(p => p.Item1).Distinct(StringComparer.Ordinal))
            {
                builder.Append("  ").Append(Quote(name)).Append(":\n").Append(parameters.First(p => p.Item1 == name).Item2);
            }

            return new RandomSpec(builder.ToString(), variant);
        });

    /// <summary>A YAML double-quoted scalar: backslash, quote, C0/C1 controls and the Unicode line separators escaped.</summary>
    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c == '"' || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < ' ' || (c >= '\u007f' && c <= '\u009f') || c == '\u2028' || c == '\u2029')
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }
}
