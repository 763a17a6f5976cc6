using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace GrokContracts.Spec.Tests;

/// <summary>
/// Deterministic mutations of the shipped specs: whatever the damage, the parser returns diagnostics (never an
/// exception), positions lie inside the text, and a contract comes back exactly when there is no diagnostic.
/// </summary>
public class FuzzTests
{
    private static readonly string[] OddScalars =
    {
        "99999999999999999999999999999999999999", "-1e99999", "1e-400", "0x1F", ".inf", "NaN", "~", "null", "true",
        "\"\"", "[]", "{}", "- x", "é\u0301", "\U0001F600", "\u202Eevil", "\u2028", "\u0085", "\0", "\uFEFF", "\ud800",
        "'unterminated", "\"unterminated", "&anchor x", "*alias", "!!binary x", "{a: [b, {c: d}]}", "|\n  block",
        ">-\n  folded", "? complex", "%YAML 1.2", "---", "...", "#", "\t", "\r", "{name}", "{unknown}", "P7D", "PT-5M",
        "99999999999", "-0", "1_000", "0o17",
    };

    [Fact]
    public void Mutated_specs_never_throw_and_report_positions_inside_the_text()
    {
        // The minimal spec is cheap to parse, so most cases use it; the shipped specs get fewer, larger cases.
        var sources = new[] { Minimal.Spec, SpecFiles.Official, SpecFiles.Beta };
        var random = new Random(20240917);
        var cases = 0;
        var withContract = 0;

        foreach (var source in sources)
        {
            // Truncation at every N-th character (covers every syntactic state of the reader once in a while).
            var step = source.Length < 1000 ? 3 : 101;
            for (var cut = 0; cut < source.Length; cut += step)
            {
                Check(source.Substring(0, cut));
                cases++;
            }
        }

        for (var i = 0; i < 2500; i++)
        {
            var source = i % 5 == 0 ? sources[1 + random.Next(2)] : Minimal.Spec;
            var text = Mutate(source, random, 1 + random.Next(4));
            if (Check(text))
            {
                withContract++;
            }

            cases++;
        }

        // Some mutations (comments, whitespace, harmless swaps) keep a spec valid: the check above is not vacuous.
        Assert.True(withContract > 0, "no mutation kept a valid spec");
        Assert.True(cases >= 2500);
    }

    private static bool Check(string text)
    {
        SpecParseResult result;
        try
        {
            result = ContractParser.Parse(text, "fuzz.yaml");
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException("Parse threw " + ex + Environment.NewLine + "for text:" + Environment.NewLine + text);
        }

        var lines = CountLines(text);
        foreach (var diagnostic in result.Diagnostics)
        {
            Assert.True(diagnostic.Start.Line >= 1 && diagnostic.Start.Column >= 1, diagnostic.ToString());
            Assert.True(diagnostic.Start.Line <= lines + 1, $"{diagnostic} is beyond line {lines + 1}");
            Assert.True(diagnostic.End.Line <= lines + 1, $"{diagnostic} ends beyond line {lines + 1}");
            Assert.StartsWith("GRK10", diagnostic.Id, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
            // The parser turns its own bugs into a diagnostic rather than crash the compiler; the fuzzer must see none.
            Assert.DoesNotContain("internal error", diagnostic.Message, StringComparison.Ordinal);
        }

        Assert.Equal(result.Diagnostics.Count == 0, result.Contract is not null);
        if (result.Contract is { } contract)
        {
            // A contract that parsed must be usable by the rules without surprises.
            Assert.True(PayloadJson.TryParse("{\"prompt\":\"\",\"image_urls\":[1,\"data:x\"],\"duration\":\"8\",\"x\":null}", out var body, out _));
            _ = ContractRules.Check(contract, (PayloadObject)body!);
            foreach (var parameter in contract.Parameters)
            {
                foreach (var kind in Enum.GetValues<ViolationKind>())
                {
                    Assert.NotNull(contract.ResolveError(parameter, kind).Message);
                }
            }
        }

        return result.Contract is not null;
    }

    /// <summary>Lines as YAML counts them: CRLF, CR, LF, NEL, LS and PS all break a line.</summary>
    private static int CountLines(string text)
    {
        var lines = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                lines++;
            }
        }

        return lines;
    }

    private static string Mutate(string source, Random random, int count)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n').ToList();
        for (var i = 0; i < count && lines.Count > 1; i++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(10))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    break;
                case 2:
                    var other = random.Next(lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
                case 3:
                    lines[at] = ReplaceScalar(lines[at], OddScalars[random.Next(OddScalars.Length)]);
                    break;
                case 4:
                    lines[at] = lines[at].Insert(random.Next(lines[at].Length + 1), random.Next(2) == 0 ? "\t" : "\r");
                    break;
                case 5:
                    lines[at] = ReplaceScalar(lines[at], random.Next(2) == 0 ? "[1, 2]" : "{ a: b }");
                    break;
                case 6:
                    lines[at] = "  " + lines[at];
                    break;
                case 7:
                    lines[at] = lines[at].TrimStart();
                    break;
                case 8:
                    lines[at] = lines[at] + "   # comment " + OddScalars[random.Next(OddScalars.Length)];
                    break;
                default:
                    var chars = lines[at].ToCharArray();
                    if (chars.Length > 0)
                    {
                        chars[random.Next(chars.Length)] = (char)random.Next(0x20, 0x7F);
                    }

                    lines[at] = new string(chars);
                    break;
            }
        }

        var separator = random.Next(4) == 0 ? "\r\n" : "\n";
        return string.Join(separator, lines);
    }

    private static string ReplaceScalar(string line, string scalar)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? line + scalar : string.Concat(line.AsSpan(0, colon + 2), scalar);
    }
}
