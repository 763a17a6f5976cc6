using System;
using System.Threading.Tasks;

namespace GrokContracts.Cli;

/// <summary>The <c>grok-contracts</c> process: the real console around <see cref="CliApp"/>.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) =>
        CliApp.RunAsync(args, Console.Out, Console.Error, CliEnvironment.FromProcess());
}
