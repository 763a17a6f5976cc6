using System;
using System.Collections.Generic;
using System.Globalization;

namespace GrokContracts.Spec.Parsing;

internal sealed partial class SpecParser
{
    private static readonly string[] EndpointsKeys = { "baseUrl", "submit", "poll" };
    private static readonly string[] EndpointKeys = { "method", "path" };
    private static readonly string[] MethodWords = { "GET", "POST", "PUT", "PATCH", "DELETE" };
    private static readonly string[] ErrorRuleKeys = { "code", "message", "doc" };
    private static readonly string[] OutputKeys = { "videoUrlsValidFor", "pixelSize", "audio", "doc" };
    private static readonly string[] PixelSizeKeys = { "rows", "columns", "sizes" };
    private static readonly string[] PricingKeys = { "perSecondUsd", "per", "multipliers", "creditUsd", "rounding", "refundsFailed", "doc" };
    private static readonly string[] RoundingWords = { "ceiling" };
    private static readonly string[] TaskKeys = { "statuses", "doc" };
    private static readonly string[] OutcomeWords = { "pending", "succeeded", "failed" };
    private static readonly string[] PollingKeys = { "phases", "timeout", "doc" };
    private static readonly string[] PhaseKeys = { "until", "every", "backoff" };
    private static readonly string[] BackoffWords = { "gradual", "none" };

    /// <summary>The status words of a spec without <c>task:</c>: each outcome's name.</summary>
    internal static readonly EquatableArray<TaskStatusSpec> DefaultStatuses = EquatableArray.From(new[]
    {
        new TaskStatusSpec("pending", TaskOutcome.Pending),
        new TaskStatusSpec("succeeded", TaskOutcome.Succeeded),
        new TaskStatusSpec("failed", TaskOutcome.Failed),
    });

    private ContractEndpoints? ReadEndpoints(SpecMappingView top)
    {
        var endpoints = _reader.ChildMapping(top, "endpoints", required: true, EndpointsKeys);
        if (endpoints is null)
        {
            return null;
        }

        var baseUrl = _reader.String(endpoints, "baseUrl", required: true);
        if (baseUrl is not null && !GrokContracts.Internal.PublicHttpUrl.IsValid(baseUrl))
        {
            Diagnostics.Inconsistent($"'endpoints.baseUrl' must be an absolute http(s) URL, not '{baseUrl}'", endpoints.Value("baseUrl")!);
        }

        var submit = ReadEndpoint(endpoints, "submit");
        var poll = ReadEndpoint(endpoints, "poll");
        return baseUrl is null || submit is null || poll is null ? null : new ContractEndpoints(baseUrl, submit, poll);
    }

    private Endpoint? ReadEndpoint(SpecMappingView endpoints, string key)
    {
        var endpoint = _reader.ChildMapping(endpoints, key, required: true, EndpointKeys);
        if (endpoint is null)
        {
            return null;
        }

        var method = _reader.Word(endpoint, "method", required: true, MethodWords);
        var path = _reader.String(endpoint, "path", required: true);
        if (path is not null && !path.StartsWith("/", StringComparison.Ordinal))
        {
            Diagnostics.Inconsistent($"'{endpoint.Describe("path")}' must be an absolute path starting with '/', not '{path}'", endpoint.Value("path")!);
        }

        return method is null || path is null ? null : new Endpoint(method, path);
    }

    private void ReadErrors(SpecMappingView top)
    {
        var errors = _reader.ChildMapping(top, "errors", required: false, ErrorTemplates.Kinds);
        if (errors is null)
        {
            return;
        }

        foreach (var entry in errors.Entries)
        {
            if (!ErrorTemplates.TryParseSpecKey(entry.Key.Text, out var kind))
            {
                continue; // already reported as an unknown key
            }

            var rule = _reader.Mapping(entry.Value, entry.Key, errors.Describe(entry.Key.Text), ErrorRuleKeys);
            if (rule is null)
            {
                continue;
            }

            var code = ReadCode(rule);
            var message = _reader.String(rule, "message", required: false);
            var doc = _reader.String(rule, "doc", required: false);
            if (rule.Value("message") is { } messageNode)
            {
                _errorNodes[kind] = messageNode;
            }

            _errors.Add(new ErrorRule(kind, code, message, doc));
        }
    }

    /// <summary>Error codes have five digits; the first is the category (reference, "general API pages").</summary>
    private int? ReadCode(SpecMappingView rule)
    {
        var code = _reader.Integer(rule, "code", required: false);
        if (code is < 10000 or > 99999)
        {
            Diagnostics.Inconsistent($"'{rule.Describe("code")}' must be a five-digit API error code, not {code}", rule.Value("code")!);
            return null;
        }

        return code;
    }

    private OutputSpec? ReadOutput(SpecMappingView top)
    {
        var output = _reader.ChildMapping(top, "output", required: false, OutputKeys);
        if (output is null)
        {
            return null;
        }

        var validFor = _reader.Duration(output, "videoUrlsValidFor", required: false);
        var pixelSizes = ReadPixelSizes(output);
        var audio = ReadAudio(output);
        var doc = _reader.String(output, "doc", required: false);
        return new OutputSpec(validFor, pixelSizes, audio, doc);
    }

    /// <summary><c>output.audio</c>: <c>true</c>/<c>false</c> (fixed), or the wire name of a boolean parameter that switches it.</summary>
    private OutputAudio? ReadAudio(SpecMappingView output)
    {
        if (!output.TryGet("audio", out _, out var node))
        {
            return null;
        }

        if (node is not SpecScalar { Kind: ScalarKind.Boolean or ScalarKind.String } scalar)
        {
            Diagnostics.Schema($"'{output.Describe("audio")}' must be true, false or the name of a boolean parameter, not {node.Describe()}", node);
            return null;
        }

        if (scalar.Kind == ScalarKind.Boolean)
        {
            return new OutputAudio(null, scalar.Boolean);
        }

        if (!_parametersByName.TryGetValue(scalar.Text, out var parameter))
        {
            Diagnostics.Inconsistent($"'{output.Describe("audio")}' names unknown parameter '{scalar.Text}'", scalar);
            return null;
        }

        if (parameter.TypeKnown && parameter.Parameter.Type != ParameterType.Boolean)
        {
            Diagnostics.Inconsistent($"'{output.Describe("audio")}' must name a boolean parameter; '{scalar.Text}' is not", scalar);
            return null;
        }

        return new OutputAudio(scalar.Text, Always: false);
    }

    private PixelSizeMatrix? ReadPixelSizes(SpecMappingView output)
    {
        var pixelSize = _reader.ChildMapping(output, "pixelSize", required: false, PixelSizeKeys);
        if (pixelSize is null)
        {
            return null;
        }

        var rows = _reader.String(pixelSize, "rows", required: true);
        var columns = _reader.String(pixelSize, "columns", required: true);
        var rowParameter = ValuedParameter(pixelSize, "rows", rows);
        var columnParameter = ValuedParameter(pixelSize, "columns", columns);
        var sizes = _reader.ChildMapping(pixelSize, "sizes", required: true, allowedKeys: null);
        if (rows is null || columns is null || sizes is null)
        {
            return null;
        }

        var entries = new List<PixelSizeEntry>();
        foreach (var row in sizes.Entries)
        {
            CheckValueReference(rowParameter, row.Key, sizes.Path);
            var cells = _reader.Mapping(row.Value, row.Key, sizes.Describe(row.Key.Text), allowedKeys: null);
            if (cells is null)
            {
                continue;
            }

            foreach (var cell in cells.Entries)
            {
                CheckValueReference(columnParameter, cell.Key, cells.Path);
                if (TryParseSize(cell.Value, out var width, out var height))
                {
                    entries.Add(new PixelSizeEntry(row.Key.Text, cell.Key.Text, width, height));
                }
                else
                {
                    Diagnostics.Schema($"'{cells.Describe(cell.Key.Text)}' must be a size like 1280x720", cell.Value);
                }
            }
        }

        return new PixelSizeMatrix(rows, columns, EquatableArray.From(entries));
    }

    /// <summary>The declared parameter a pixel-size axis or multiplier names; it must have allowed values.</summary>
    private ParsedParameter? ValuedParameter(SpecMappingView view, string key, string? name, SpecNode? at = null)
    {
        if (name is null)
        {
            return null;
        }

        var node = at ?? view.Value(key)!;
        if (!_parametersByName.TryGetValue(name, out var parsed))
        {
            Diagnostics.Inconsistent($"'{view.Describe(key)}' names unknown parameter '{name}'", node);
            return null;
        }

        if (parsed.TypeKnown && parsed.Parameter.AllowedValues.Count == 0)
        {
            Diagnostics.Inconsistent($"'{view.Describe(key)}' names parameter '{name}', which has no 'values'", node);
            return null;
        }

        return parsed;
    }

    private void CheckValueReference(ParsedParameter? parameter, SpecScalar valueNode, string path)
    {
        if (parameter is not null && parameter.Parameter.AllowedValues.Count > 0 && parameter.Parameter.FindAllowedValue(valueNode.Text) is null)
        {
            Diagnostics.Inconsistent(
                $"'{path}' names '{valueNode.Text}', which is not a value of '{parameter.Parameter.Name}' ({ErrorTemplates.ValueOf(parameter.Parameter, "allowed")})",
                valueNode);
        }
    }

    private static bool TryParseSize(SpecNode node, out int width, out int height)
    {
        width = height = 0;
        if (node is not SpecScalar { Kind: ScalarKind.String } scalar)
        {
            return false;
        }

        var text = scalar.Text;
        var x = text.IndexOf('x');
        return x > 0
            && int.TryParse(text.Substring(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out width)
            && int.TryParse(text.Substring(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out height)
            && width > 0
            && height > 0;
    }

    private PricingSpec? ReadPricing(SpecMappingView top)
    {
        var pricing = _reader.ChildMapping(top, "pricing", required: false, PricingKeys);
        if (pricing is null)
        {
            return null;
        }

        var perSecondUsd = _reader.Number(pricing, "perSecondUsd", required: false, nullable: true);
        if (perSecondUsd <= 0)
        {
            Diagnostics.Inconsistent("'pricing.perSecondUsd' must be positive (or null when it is configuration)", pricing.Value("perSecondUsd")!);
        }

        var per = _reader.String(pricing, "per", required: true);
        if (per is not null)
        {
            if (!_parametersByName.TryGetValue(per, out var perParameter))
            {
                Diagnostics.Inconsistent($"'pricing.per' names unknown parameter '{per}'", pricing.Value("per")!);
            }
            else if (perParameter.TypeKnown && perParameter.Parameter.Type is not (ParameterType.Integer or ParameterType.Number))
            {
                Diagnostics.Inconsistent($"'pricing.per' must name an integer or number parameter; '{per}' is not", pricing.Value("per")!);
            }
        }

        var multipliers = ReadMultipliers(pricing);
        var creditUsd = _reader.Number(pricing, "creditUsd", required: true);
        if (creditUsd <= 0)
        {
            Diagnostics.Inconsistent("'pricing.creditUsd' must be positive", pricing.Value("creditUsd")!);
        }

        _reader.Word(pricing, "rounding", required: false, RoundingWords);
        var refundsFailed = _reader.Boolean(pricing, "refundsFailed", required: false) ?? false;
        var doc = _reader.String(pricing, "doc", required: false);
        return per is null || creditUsd is null
            ? null
            : new PricingSpec(perSecondUsd, per, multipliers, creditUsd.Value, refundsFailed, doc);
    }

    private EquatableArray<PriceMultiplier> ReadMultipliers(SpecMappingView pricing)
    {
        var multipliers = _reader.ChildMapping(pricing, "multipliers", required: false, allowedKeys: null);
        if (multipliers is null)
        {
            return EquatableArray<PriceMultiplier>.Empty;
        }

        var result = new List<PriceMultiplier>();
        foreach (var entry in multipliers.Entries)
        {
            var parameter = ValuedParameter(multipliers, entry.Key.Text, entry.Key.Text, entry.Key);
            var byValue = _reader.Mapping(entry.Value, entry.Key, multipliers.Describe(entry.Key.Text), allowedKeys: null);
            if (byValue is null)
            {
                continue;
            }

            foreach (var value in byValue.Entries)
            {
                CheckValueReference(parameter, value.Key, byValue.Path);
                var factor = value.Value is SpecScalar scalar
                    ? _reader.Number(scalar, byValue.Describe(value.Key.Text))
                    : _reader.Number(byValue, value.Key.Text, required: true);
                if (factor <= 0)
                {
                    Diagnostics.Inconsistent($"'{byValue.Describe(value.Key.Text)}' must be a positive factor", value.Value);
                }
                else if (factor is { } f)
                {
                    result.Add(new PriceMultiplier(entry.Key.Text, value.Key.Text, f));
                }
            }
        }

        return EquatableArray.From(result);
    }

    private EquatableArray<TaskStatusSpec> ReadTask(SpecMappingView top)
    {
        var task = _reader.ChildMapping(top, "task", required: false, TaskKeys);
        if (task is null)
        {
            // Without a task section, each outcome's own name is its wire word (documented in spec-format.md):
            // one generic default for the client and the emulator alike, nothing of any particular API.
            return DefaultStatuses;
        }

        _reader.String(task, "doc", required: false);
        var statuses = _reader.ChildMapping(task, "statuses", required: true, allowedKeys: null);
        if (statuses is null)
        {
            return EquatableArray<TaskStatusSpec>.Empty;
        }

        var result = new List<TaskStatusSpec>();
        foreach (var entry in statuses.Entries)
        {
            var outcome = _reader.Word(statuses, entry.Key.Text, required: true, OutcomeWords);
            if (outcome is not null)
            {
                var value = outcome switch
                {
                    "succeeded" => TaskOutcome.Succeeded,
                    "failed" => TaskOutcome.Failed,
                    _ => TaskOutcome.Pending,
                };
                result.Add(new TaskStatusSpec(entry.Key.Text, value));
            }
        }

        // Only when every word was read: a misspelt outcome is already GRK101, and may be the missing 'succeeded'.
        if (result.Count == statuses.Entries.Count && !result.Exists(s => s.Outcome == TaskOutcome.Succeeded))
        {
            Diagnostics.Inconsistent("'task.statuses' needs a status that means 'succeeded', or no wait could ever end", statuses.Node);
        }

        return EquatableArray.From(result);
    }

    private PollingSpec? ReadPolling(SpecMappingView top)
    {
        var polling = _reader.ChildMapping(top, "polling", required: false, PollingKeys);
        if (polling is null)
        {
            return null;
        }

        var phases = _reader.ChildSequence(polling, "phases", required: true);
        var timeout = _reader.Duration(polling, "timeout", required: true);
        var doc = _reader.String(polling, "doc", required: false);
        var result = new List<PollingPhase>();
        if (phases is not null)
        {
            if (phases.Items.Count == 0)
            {
                Diagnostics.Inconsistent("'polling.phases' must list at least one phase", phases);
            }

            TimeSpan? previousUntil = null;
            for (var i = 0; i < phases.Items.Count; i++)
            {
                var path = "polling.phases[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                var phase = _reader.Mapping(phases.Items[i], phases.Items[i], path, PhaseKeys);
                if (phase is null)
                {
                    continue;
                }

                var until = _reader.Duration(phase, "until", required: false);
                var every = _reader.Duration(phase, "every", required: true);
                var gradual = _reader.Word(phase, "backoff", required: false, BackoffWords) == "gradual";
                var last = i == phases.Items.Count - 1;
                if (last && phase.Has("until"))
                {
                    Diagnostics.Inconsistent($"the last polling phase has no end: remove '{phase.Describe("until")}'", phase.Key("until")!);
                }
                else if (!last && !phase.Has("until"))
                {
                    Diagnostics.Inconsistent($"'{path}' needs 'until' (only the last phase is open-ended)", phases.Items[i]);
                }

                if (until is not null && previousUntil is not null && until <= previousUntil)
                {
                    Diagnostics.Inconsistent($"'{phase.Describe("until")}' must be later than the previous phase's", phase.Value("until")!);
                }

                if (gradual && i == 0)
                {
                    Diagnostics.Inconsistent($"'{phase.Describe("backoff")}' gradual needs a previous phase to grow from", phase.Value("backoff")!);
                }
                else if (gradual && last)
                {
                    Diagnostics.Inconsistent($"'{phase.Describe("backoff")}' gradual needs an 'until' to grow toward; the last phase has none", phase.Value("backoff")!);
                }

                previousUntil = until ?? previousUntil;
                if (every is not null)
                {
                    result.Add(new PollingPhase(last ? null : until, every.Value, gradual));
                }
            }
        }

        return timeout is null ? null : new PollingSpec(EquatableArray.From(result), timeout.Value, doc);
    }
}
