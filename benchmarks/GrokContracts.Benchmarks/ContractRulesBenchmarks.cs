using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using GrokContracts.Spec;
using Violation = GrokContracts.Spec.ContractViolation;

namespace GrokContracts.Benchmarks;

/// <summary>
/// Issue 6 (c): the Spec library's rule engine on a JSON payload (what the CLI's <c>check</c>, the emulator and the
/// analyzers run): parse + check, and check alone on an already-parsed payload, for a valid and a broken body.
/// </summary>
[MemoryDiagnoser]
public class ContractRulesBenchmarks
{
    private const string Valid = """{"model":"grok-imagine-video-1.5-official","prompt":"A cat walks","image_urls":["https://cdn.example.com/cat.png"],"aspect_ratio":"9:16","resolution":"720p","duration":10,"audio":true}""";
    // Broken on purpose: the payload analyzers would (rightly) stop the build on this literal.
#pragma warning disable GRK001, GRK002, GRK003, GRK004, GRK005, GRK006, GRK007
    private const string Broken = """{"model":"grok-imagine-video-1.5-official","prompt":"","image_urls":["data:x","ftp://a"],"aspect_ratio":"4:3","resolution":"1080p","duration":99,"audio":"yes","durration":5}""";
#pragma warning restore GRK001, GRK002, GRK003, GRK004, GRK005, GRK006, GRK007

    private Contract _contract = null!;
    private PayloadObject _validPayload = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(System.AppContext.BaseDirectory, "specs", "grok-imagine-video-1.5-official.yaml");
        _contract = ContractParser.Parse(File.ReadAllText(path), path).Contract!;
        _validPayload = PayloadJson.TryParse(Valid, out var value, out _) ? (PayloadObject)value! : throw new InvalidDataException("benchmark JSON must parse");
    }

    [Benchmark(Baseline = true, Description = "Check (parsed, valid)")]
    public IReadOnlyList<Violation> CheckParsed() => ContractRules.Check(_contract, _validPayload);

    [Benchmark(Description = "TryParse + Check (valid JSON)")]
    public IReadOnlyList<Violation> ParseAndCheckValid() => ParseAndCheck(Valid);

    [Benchmark(Description = "TryParse + Check (broken JSON, 8 violations)")]
    public IReadOnlyList<Violation> ParseAndCheckBroken() => ParseAndCheck(Broken);

    private IReadOnlyList<Violation> ParseAndCheck(string json)
    {
        return PayloadJson.TryParse(json, out var value, out _) ? ContractRules.Check(_contract, (PayloadObject)value!) : [];
    }
}
