using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using GrokContracts.GrokImagineVideo15Official;

namespace GrokContracts.Benchmarks;

/// <summary>
/// Issue 6 item 5: enum ↔ wire string against <see cref="Enum.ToString()"/> / <see cref="Enum.Parse{TEnum}(string)"/>
/// (target ≤ 0.05×, 0 B) and <c>Validate()</c> on a valid request (target 0 B).
/// </summary>
[MemoryDiagnoser]
public class WireAndValidationBenchmarks
{
    private AspectRatio _value = AspectRatio.Portrait9x16;
    private string _wire = "9:16";
    private string _name = "Portrait9x16";
    private VideoGenerationRequest _valid = null!;

    [GlobalSetup]
    public void Setup()
    {
        _valid = new VideoGenerationRequest("A cat walks", "https://cdn.example.com/cat.png").WithDuration(10);
        if (_valid.Validate().Count != 0)
        {
            throw new InvalidOperationException("the benchmark request must be valid");
        }
    }

    [Benchmark(Description = "Enum.ToString()")]
    public string EnumToString() => _value.ToString();

    [Benchmark(Description = "generated ToWireValue()")]
    public string ToWireValue() => _value.ToWireValue();

    [Benchmark(Description = "Enum.Parse<T>()")]
    public AspectRatio EnumParse() => Enum.Parse<AspectRatio>(_name);

    [Benchmark(Description = "generated AspectRatioWire.Parse()")]
    public AspectRatio WireParse() => AspectRatioWire.Parse(_wire);

    [Benchmark(Description = "Validate() on a valid request")]
    public IReadOnlyList<ContractViolation> Validate() => _valid.Validate();
}
