using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using GrokContracts.Cli.Commands;
using GrokContracts.Cli.Specs;
using GrokContracts.Cli.Submit;
using GrokContracts.Spec;

namespace GrokContracts.Cli.Batch;

/// <summary>Something wrong with one line of a jobs file: the API's code and message when the rule engine found it.</summary>
internal sealed record JobProblem(int? Code, string Message, string? Path)
{
    public override string ToString() =>
        (Code is { } code ? code.ToString(CultureInfo.InvariantCulture) + " " : string.Empty) + Message + (Path is null ? string.Empty : " (" + Path + ")");
}

/// <summary>
/// One line (JSON Lines) or record (CSV) of a jobs file: the request it builds and its estimated credits, or the
/// problems that keep it from being sent. Warnings are advisories the API does not reject (e.g. unknown parameters).
/// </summary>
internal sealed record JobLine(int Line, string? Model, SpecRequest? Request, long? Credits, decimal? CreditUsd, decimal? Units, IReadOnlyList<JobProblem> Problems, IReadOnlyList<string> Warnings, string? Unpriced = null)
{
    public bool IsValid => Request is not null && Problems.Count == 0;

    /// <summary>The line's key in the journal and its video's file name (without <c>.mp4</c>): the line number, zero-padded.</summary>
    public string Key => Line.ToString("D4", CultureInfo.InvariantCulture);
}

/// <summary>
/// Reads a jobs file: JSON Lines (one request body a line, any loaded model) or CSV (a header of wire parameter names
/// plus <c>model</c>; values typed by the spec through <see cref="ParameterValues"/>; an array parameter takes repeated
/// columns or <c>;</c>-separated items). Every line is checked with the rule engine before anything is sent.
/// </summary>
internal static class JobFile
{
    /// <summary>The largest jobs file read, in characters.</summary>
    public const int MaxChars = 8 * 1024 * 1024;

    public static IReadOnlyList<JobLine> Read(string path, ContractCatalog catalog, UsdRates rates, CliEnvironment environment)
    {
        var text = InputText.Read(path, MaxChars, environment);
        var where = path == InputText.StandardInput ? "standard input" : "'" + path + "'";
        var channels = new Dictionary<string, ChannelDescriptor>(StringComparer.Ordinal);
        var lines = IsCsv(path, text)
            ? ReadCsv(text, where, catalog, channels, rates)
            : ReadJsonLines(text, catalog, channels, rates);
        if (lines.Count == 0)
        {
            throw new CliUsageException($"{where} holds no jobs");
        }

        return lines;
    }

    private static bool IsCsv(string path, string text)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase) || extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Standard input or another name: JSON Lines start with an object.
        return !text.TrimStart().StartsWith('{');
    }

    private static List<JobLine> ReadJsonLines(string text, ContractCatalog catalog, Dictionary<string, ChannelDescriptor> channels, UsdRates rates)
    {
        var lines = new List<JobLine>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var body = raw.TrimEnd('\r').Trim();
            if (body.Length == 0)
            {
                continue;
            }

            if (!PayloadJson.TryParse(body, out var value, out var error))
            {
                lines.Add(Invalid(number, null, $"not valid JSON: {error!.Message} at column {error.Offset + 1}"));
                continue;
            }

            if (value is not PayloadObject payload)
            {
                lines.Add(Invalid(number, null, "not a JSON object (a request body is an object)"));
                continue;
            }

            var contract = CheckCommand.FindContract(catalog, payload, out var problem);
            if (contract is null)
            {
                lines.Add(Invalid(number, null, "the line" + problem));
                continue;
            }

            lines.Add(Build(number, contract, Encoding.UTF8.GetBytes(body), payload, channels, rates));
        }

        return lines;
    }

    private static List<JobLine> ReadCsv(string text, string where, ContractCatalog catalog, Dictionary<string, ChannelDescriptor> channels, UsdRates rates)
    {
        var records = CsvRecords.Parse(text, where);
        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        var modelColumn = header.IndexOf(ContractRules.ModelProperty);
        if (modelColumn < 0)
        {
            throw new CliUsageException($"{where}: the CSV header has no 'model' column (it names the model and the wire parameters: model,prompt,duration,...)");
        }

        if (header.Any(h => h.Length == 0))
        {
            throw new CliUsageException($"{where}: line {records[0].Line}: the CSV header has an empty column name");
        }

        var lines = new List<JobLine>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != header.Count)
            {
                lines.Add(Invalid(record.Line, null, $"{record.Fields.Count} fields, but the header has {header.Count}"));
                continue;
            }

            var model = record.Fields[modelColumn].Trim();
            if (!catalog.TryGet(model, out var contract))
            {
                var closest = model.Length == 0 ? null : catalog.FindClosestModelId(model);
                var hint = closest is null ? "known models: " + string.Join(", ", catalog.Contracts.Select(c => c.ModelId)) : $"did you mean '{closest}'?";
                lines.Add(Invalid(record.Line, null, model.Length == 0 ? $"no model ({hint})" : $"unknown model '{model}' ({hint})"));
                continue;
            }

            var values = new ParameterValues(contract);
            JobProblem? bad = null;
            for (var column = 0; column < header.Count && bad is null; column++)
            {
                var cell = record.Fields[column];
                if (column == modelColumn || cell.Length == 0)
                {
                    continue;
                }

                var name = header[column];
                var items = contract.FindParameter(name)?.Type == ParameterType.StringArray
                    ? cell.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0)
                    : [cell];
                try
                {
                    foreach (var item in items)
                    {
                        values.Set(name, item, "column '" + name + "'");
                    }
                }
                catch (CliUsageException ex)
                {
                    bad = new JobProblem(null, ex.Message, null);
                }
            }

            if (bad is not null)
            {
                lines.Add(new JobLine(record.Line, contract.ModelId, null, null, null, null, [bad], []));
                continue;
            }

            var json = values.ToJson();
            if (!PayloadJson.TryParseUtf8(json, out var parsed, out _) || parsed is not PayloadObject payload)
            {
                lines.Add(Invalid(record.Line, contract.ModelId, "the request body could not be built"));
                continue;
            }

            lines.Add(Build(record.Line, contract, json, payload, channels, rates));
        }

        return lines;
    }

    private static JobLine Build(int line, Contract contract, byte[] json, PayloadObject payload, Dictionary<string, ChannelDescriptor> channels, UsdRates rates)
    {
        if (!channels.TryGetValue(contract.ModelId, out var channel))
        {
            channels[contract.ModelId] = channel = SpecChannels.ToDescriptor(contract);
        }

        var request = new SpecRequest(contract, channel, json, payload);
        var violations = request.Check();
        var problems = violations.Where(v => v.IsRejected).Select(v => new JobProblem(v.Code, v.Message, v.Path)).ToList();
        var warnings = violations.Where(v => !v.IsRejected).Select(v => $"{v.Path}: {v.Message} (the API does not reject it)").ToList();
        var (credits, units, unpriced) = Estimate(contract, channel, payload, rates);
        return new JobLine(line, contract.ModelId, request, credits, channel.Pricing?.CreditUsd, units, problems, warnings, unpriced);
    }

    /// <summary>
    /// The line's credits by its channel's pricing (the spec's rate, else the configured one: <see cref="UsdRates"/>), the
    /// units priced, and why there is no price when there is none.
    /// </summary>
    private static (long? Credits, decimal? Units, string? Unpriced) Estimate(Contract contract, ChannelDescriptor channel, PayloadObject payload, UsdRates rates)
    {
        if (channel.Pricing is not { } pricing)
        {
            return (null, null, "its spec states no pricing");
        }

        decimal? units = payload.Find(pricing.PerParameter)?.Value is PayloadNumber number
            && decimal.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var given)
                ? given
                : contract.FindParameter(pricing.PerParameter)?.Default is { Kind: ContractValueKind.Number } fallback ? fallback.Number : null;
        var rate = pricing.PerSecondUsd ?? rates.For(contract.ModelId);
        if (units is null)
        {
            return (null, null, $"it does not set {pricing.PerParameter}, and its spec gives no default");
        }

        if (rate is null)
        {
            return (null, units, $"its spec leaves the per-second rate to configuration: pass --usd-per-second {contract.ModelId}=X (or X for all), or set {UsdRates.Variable}");
        }

        if (units < 0)
        {
            return (null, units, $"its {pricing.PerParameter} is negative");
        }

        string? ValueOf(string name) => payload.Find(name)?.Value switch
        {
            PayloadString s => s.Value,
            PayloadBoolean b => b.Value ? "true" : "false",
            PayloadNumber n => n.Text,
            _ => contract.FindParameter(name)?.Default switch
            {
                { Kind: ContractValueKind.String } d => d.String,
                { Kind: ContractValueKind.Boolean } d => d.Boolean ? "true" : "false",
                { Kind: ContractValueKind.Number } d => d.Number.ToString(CultureInfo.InvariantCulture),
                _ => null,
            },
        };

        try
        {
            return (pricing.EstimateCredits(rate.Value, units.Value, ValueOf), units, null);
        }
        catch (OverflowException)
        {
            return (null, units, $"its {pricing.PerParameter} is out of range"); // The rule engine reports that line too.
        }
    }

    private static JobLine Invalid(int line, string? model, string message) => new(line, model, null, null, null, null, [new JobProblem(null, message, null)], []);
}
