using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Cli.Specs;
using GrokContracts.Spec;

namespace GrokContracts.Cli.Commands;

/// <summary>
/// <c>check &lt;payload.json|-&gt;</c>: does a request body satisfy the contract of its <c>model</c>? Exactly what the API
/// would answer: exit 0 (an <c>OK</c> line on stderr, nothing on stdout), or exit 1 with the API's error envelope on
/// stdout (the first violation in the API's reporting order; with <c>--all</c> every rejected violation, one envelope a
/// line). Advisories the API does not reject (unknown parameters) are warnings on stderr. Unreadable input is exit 2.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var payload = new Argument<string>("payload")
        {
            Description = "The request body (JSON file), or - to read it from standard input.",
            HelpName = "payload.json|-",
        };
        var all = new Option<bool>("--all")
        {
            Description = "Print every violation the API would reject, one envelope a line, in the API's order (the API itself answers only the first).",
        };
        var spec = SpecOption();
        var command = new Command("check", "Validate a request body against the contract of its model, exactly as the API would.")
        {
            payload, all, spec,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            parseResult.GetRequiredValue(payload),
            parseResult.GetValue(all),
            parseResult.GetValue(spec) ?? [],
            cancellationToken));
        return command;
    }

    /// <summary>The repeatable <c>--spec</c> option: more spec files, replacing shipped specs of the same model id.</summary>
    internal static Option<string[]> SpecOption() => new("--spec")
    {
        Description = "A contract spec file (YAML or JSON) to use besides the shipped ones; it replaces a shipped spec with the same model id. Repeatable.",
        HelpName = "file",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.OneOrMore,
    };

    private static async Task<int> RunAsync(CliContext context, string path, bool all, IReadOnlyList<string> specPaths, CancellationToken cancellationToken)
    {
        var catalog = SpecSources.LoadCatalog(specPaths, context.Environment);
        var text = InputText.Read(path, PayloadJson.MaxLength, context.Environment);
        var where = path == InputText.StandardInput ? "standard input" : "'" + path + "'";
        if (!PayloadJson.TryParse(text, out var value, out var error))
        {
            var (line, column) = LineColumn(text, error!.Offset);
            throw new CliUsageException($"{where} is not valid JSON: {error.Message} at line {line}, column {column}");
        }

        if (value is not PayloadObject body)
        {
            throw new CliUsageException($"{where} is not a JSON object (a request body is an object)");
        }

        var contract = ResolveContract(catalog, body, where);
        var violations = ContractRules.Check(contract, body, cancellationToken);
        foreach (var advisory in violations.Where(v => !v.IsRejected))
        {
            await context.Error.WriteLineAsync($"warning: {advisory.Path}: {advisory.Message} (the API does not reject it)").ConfigureAwait(false);
        }

        var rejected = violations.Where(v => v.IsRejected).ToList();
        if (rejected.Count == 0)
        {
            await context.Error.WriteLineAsync($"OK: {where} satisfies the {contract.ModelId} contract").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var violation in all ? rejected : rejected.Take(1))
        {
            await context.Out.WriteLineAsync(ErrorEnvelope.Format(violation.Code!.Value, violation.Message)).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"rejected: {violation.Path}: {violation.Code} {violation.Message}").ConfigureAwait(false);
        }

        return ExitCodes.Failure;
    }

    private static Contract ResolveContract(ContractCatalog catalog, PayloadObject body, string where) =>
        FindContract(catalog, body, out var problem) ?? throw new CliUsageException(where + problem);

    /// <summary>
    /// The contract the body's <c>model</c> names, or null with <paramref name="problem"/> saying why, worded to follow
    /// the name of the input (<c>" has no \"model\": …"</c>, <c>": unknown model 'x' (did you mean …?)"</c>).
    /// </summary>
    internal static Contract? FindContract(ContractCatalog catalog, PayloadObject body, out string problem)
    {
        var known = string.Join(", ", catalog.Contracts.Select(c => c.ModelId));
        var model = body.Find(ContractRules.ModelProperty)?.Value;
        if (model is null or PayloadNull)
        {
            problem = $" has no \"model\": nothing says which contract applies (known models: {known})";
            return null;
        }

        if (model is not PayloadString modelId)
        {
            problem = $": \"model\" must be a string (known models: {known})";
            return null;
        }

        if (catalog.TryGet(modelId.Value, out var contract))
        {
            problem = string.Empty;
            return contract;
        }

        var closest = catalog.FindClosestModelId(modelId.Value);
        var hint = closest is null ? $"known models: {known}" : $"did you mean '{closest}'?";
        problem = $": unknown model '{modelId.Value}' ({hint})";
        return null;
    }

    private static (int Line, int Column) LineColumn(string text, int offset)
    {
        int line = 1, column = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }
}
