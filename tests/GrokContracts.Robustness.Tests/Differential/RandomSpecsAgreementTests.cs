using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using GrokContracts.Generators.Tests.TestSupport;
using GrokContracts.Robustness.Tests.Support;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace GrokContracts.Robustness.Tests.Differential;

/// <summary>
/// Issue 14: the differential check of <see cref="ValidateAgreesWithContractRulesTests"/> beyond the two shipped specs.
/// Random <b>valid</b> specs (every parameter type; one or both bounds, equal bounds, negative and decimal bounds;
/// <c>minItems: 0</c>; <c>format</c> on plain strings and on items; values with derived and explicit names; defaults;
/// per-parameter messages with placeholders and codes; error kinds without a code (advisories); random partial
/// validation orders, whole-parameter steps included) are generated, compiled and loaded; random typed requests are
/// built through the generated constructor and <c>With…</c> methods; and the generated <c>Validate()</c> must report
/// exactly the rejections of <see cref="ContractRules.Check"/> on the request's own <c>ToJson()</c>: same codes in the
/// same order, same messages, paths and kinds. The seed is fixed and printed; <c>GROK_DIFFERENTIAL_SEED</c> replays another.
/// </summary>
public sealed class RandomSpecsAgreementTests(ITestOutputHelper output)
{
    private const int Specs = 12;
    private const int RequestsPerSpec = 150;
    private const int MaxSpecs = 60;

    // The typed API cannot build a wrong JSON type, a value outside an enum or an absent required constructor argument:
    // those kinds are the hand-written cases' business (RulesAgreementTests). Every other kind must occur.
    private static readonly string[] ReachableKinds = ["BadFormat", "Empty", "OutOfRange", "TooFewItems", "TooManyItems"];

    [Fact]
    public void Validate_agrees_with_ContractRules_on_random_valid_specs()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("GROK_DIFFERENTIAL_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1414;
        output.WriteLine($"seed {seed} (replay with GROK_DIFFERENTIAL_SEED={seed})");
        var random = new Random(seed);
        int valid = 0, rejected = 0, advisories = 0;
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        // At least Specs specs, and on until every kind the typed API can reach has been reported (bounded: a spec
        // generator that stopped producing a kind fails the assertion below instead of looping).
        var specs = 0;
        for (var i = 0; i < Specs * RobustnessScale.Factor || (kinds.Count < ReachableKinds.Length && i < MaxSpecs); i++, specs++)
        {
            var text = RandomValidSpec.Next(random, i);
            var parse = ContractParser.Parse(text, "/project/random" + i.ToString(CultureInfo.InvariantCulture) + ".yaml");
            Assert.True(parse.Diagnostics.Count == 0, "the generator of valid specs made an invalid one:\n" + string.Join("\n", parse.Diagnostics) + "\n--- spec ---\n" + text);
            var contract = parse.Contract!;
            var generated = GeneratorRunner.Run([new SpecInput("/project/random" + i.ToString(CultureInfo.InvariantCulture) + ".yaml", text)], LanguageVersion.Latest);
            var assembly = GeneratorRunner.EmitAndLoad(generated.Compilation);
            for (var n = 0; n < RequestsPerSpec; n++)
            {
                var request = RandomRequests.Create(contract, assembly, random);
                var outcome = Agreement.AssertAgree(contract, request, $"seed {seed}, spec {i}, request {n}\n--- spec ---\n{text}");
                var expected = outcome.Expected;
                advisories += outcome.Advisories;
                kinds.UnionWith(expected.Select(v => v.Kind));
                if (expected.Count == 0)
                {
                    valid++;
                }
                else
                {
                    rejected++;
                }
            }
        }

        output.WriteLine($"{specs} random valid specs, {valid + rejected} requests ({valid} valid, {rejected} rejected, {advisories} advisories), kinds seen: {string.Join(", ", kinds)}");
        Assert.True(valid >= (valid + rejected) / 20, $"only {valid} valid requests");
        Assert.True(rejected >= (valid + rejected) / 5, $"only {rejected} rejected requests");
        Assert.Equal(ReachableKinds, kinds);
    }
}

/// <summary>Random spec texts that the Spec library must accept (GRK1xx-free by construction).</summary>
internal static class RandomValidSpec
{
    private static readonly string[] Kinds = ["missing", "empty", "type", "minItems", "maxItems", "range", "allowed", "format"];

    private static readonly string[] ValuePool = ["fast", "slow", "480p", "720p", "16:9", "a-b", "Auto", "auto", "x y", "\u00e9t\u00e9"];

    public static string Next(Random random, int index)
    {
        var spec = new StringBuilder()
            .Append("specVersion: 1\nmodel: random-").Append(index.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("namespace: Random.Spec").Append(index.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("summary: A random valid channel.\n")
            .Append("endpoints:\n  baseUrl: https://example.com\n  submit: { method: POST, path: /submit }\n  poll: { method: GET, path: \"/tasks/{id}\" }\n");

        // Contract-wide errors: placeholders every parameter has ({name}, {type}); some kinds have no code (advisories).
        var coded = new HashSet<string>(StringComparer.Ordinal);
        spec.Append("errors:\n");
        foreach (var kind in Kinds)
        {
            var withCode = random.Next(5) != 0;
            if (withCode)
            {
                coded.Add(kind);
            }

            var message = kind == "type" ? "{name} must be a JSON {type}" : "{name} breaks " + kind;
            spec.Append("  ").Append(kind).Append(": { ")
                .Append(withCode ? "code: " + (20001 + random.Next(9000)).ToString(CultureInfo.InvariantCulture) + ", " : string.Empty)
                .Append("message: \"").Append(message).Append("\" }\n");
        }

        var steps = new List<string>();
        spec.Append("parameters:\n");
        var count = random.Next(1, 7);
        for (var i = 0; i < count; i++)
        {
            var name = "p" + i.ToString(CultureInfo.InvariantCulture) + (random.Next(2) == 0 ? "_x" : string.Empty);
            spec.Append("  ").Append(name).Append(":\n");
            var checks = new List<string> { "type" };
            var overrides = new List<(string Kind, string Message)>();
            var shape = random.Next(5);
            switch (shape)
            {
                case 0: // string
                    spec.Append("    type: string\n");
                    if (random.Next(2) == 0)
                    {
                        spec.Append("    required: true\n");
                        checks.Add("required");
                    }

                    if (random.Next(2) == 0)
                    {
                        spec.Append("    nonEmpty: true\n");
                        if (!checks.Contains("required"))
                        {
                            checks.Add("required");
                        }
                    }

                    if (random.Next(3) == 0)
                    {
                        spec.Append("    format: public-http-url\n");
                        checks.Add("format");
                    }
                    else if (random.Next(2) == 0)
                    {
                        var values = ValuePool.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToArray();
                        spec.Append("    values:\n");
                        for (var v = 0; v < values.Length; v++)
                        {
                            spec.Append("      - { value: \"").Append(values[v]).Append("\", name: M").Append(v.ToString(CultureInfo.InvariantCulture)).Append(" }\n");
                        }

                        if (random.Next(2) == 0)
                        {
                            spec.Append("    default: \"").Append(values[random.Next(values.Length)]).Append("\"\n");
                        }

                        checks.Add("allowed");
                        overrides.Add(("allowed", "invalid {name} (allowed: {allowed})"));
                    }
                    else if (random.Next(2) == 0)
                    {
                        spec.Append("    default: \"free text\"\n");
                    }

                    break;
                case 1: // integer
                case 2: // number
                    var integer = shape == 1;
                    spec.Append(integer ? "    type: integer\n" : "    type: number\n");
                    var low = random.Next(-20, 20);
                    var high = random.Next(4) == 0 ? low : low + random.Next(0, 30);
                    string Bound(int b) => integer ? b.ToString(CultureInfo.InvariantCulture) : (b / 4m).ToString(CultureInfo.InvariantCulture);
                    var bounds = random.Next(4);
                    if (bounds != 1)
                    {
                        spec.Append("    minimum: ").Append(Bound(low)).Append('\n');
                    }

                    if (bounds != 2)
                    {
                        spec.Append("    maximum: ").Append(Bound(high)).Append('\n');
                    }

                    if (bounds != 3)
                    {
                        checks.Add("range");
                        overrides.Add(("range", bounds switch { 0 => "{name} must be {minimum}-{maximum} {unit}", 1 => "{name} must be at most {maximum}", _ => "{name} must be at least {minimum}" }));
                        spec.Append("    unit: seconds\n");
                    }

                    if (random.Next(2) == 0)
                    {
                        spec.Append("    default: ").Append(Bound(bounds == 1 ? high : low)).Append('\n');
                    }

                    if (random.Next(4) == 0)
                    {
                        spec.Append("    required: true\n");
                        checks.Add("required");
                    }

                    break;
                case 3: // boolean
                    spec.Append("    type: boolean\n");
                    if (random.Next(2) == 0)
                    {
                        spec.Append(random.Next(2) == 0 ? "    default: true\n" : "    default: false\n");
                    }

                    break;
                default: // array
                    spec.Append("    type: array\n    items: { type: string").Append(random.Next(2) == 0 ? ", format: public-http-url" : string.Empty).Append(" }\n");
                    if (spec.ToString().EndsWith("public-http-url }\n", StringComparison.Ordinal))
                    {
                        checks.Add("format");
                    }

                    var minItems = random.Next(3) == 0 ? (int?)null : random.Next(0, 2);
                    var maxItems = random.Next(3) == 0 ? (int?)null : (minItems ?? 0) + random.Next(0, 3);
                    if (minItems is not null)
                    {
                        spec.Append("    minItems: ").Append(minItems.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
                    }

                    if (maxItems is not null)
                    {
                        spec.Append("    maxItems: ").Append(maxItems.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
                        overrides.Add(("maxItems", "{name} allows at most {maxItems}"));
                    }

                    if (minItems is not null || maxItems is not null)
                    {
                        checks.Add("items");
                    }

                    if (random.Next(2) == 0)
                    {
                        spec.Append("    required: true\n");
                        checks.Add("required");
                    }

                    break;
            }

            // Per-parameter overrides: a message (the contract-wide code stays, so only where there is one) or a code of its own.
            var chosen = overrides.Where(o => random.Next(2) == 0).ToList();
            if (random.Next(3) == 0)
            {
                chosen.Add(("type", "{name} has the wrong type"));
            }

            if (chosen.Count > 0)
            {
                spec.Append("    errors:\n");
                foreach (var (kind, message) in chosen)
                {
                    var ownCode = !coded.Contains(kind) || random.Next(2) == 0;
                    spec.Append("      ").Append(kind).Append(": ")
                        .Append(ownCode ? "{ code: " + (30001 + random.Next(9000)).ToString(CultureInfo.InvariantCulture) + ", message: \"" + message + "\" }" : "\"" + message + "\"")
                        .Append('\n');
                }
            }

            steps.AddRange(random.Next(4) == 0 ? [name] : checks.Select(c => name + "." + c));
        }

        // A random part of the steps, in random order; the rest run afterwards in the canonical order.
        var order = steps.OrderBy(_ => random.Next()).Take(random.Next(steps.Count + 1)).ToList();
        if (order.Count > 0)
        {
            spec.Append("validation:\n  order:\n");
            foreach (var step in order)
            {
                spec.Append("    - ").Append(step).Append('\n');
            }
        }

        return spec.ToString();
    }
}
