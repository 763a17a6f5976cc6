using BenchmarkDotNet.Running;

namespace GrokContracts.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/GrokContracts.Benchmarks -- --filter '*Name*' --job short</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
