using System;
using System.Collections.Generic;

namespace GrokContracts.Spec.Parsing;

/// <summary>
/// Reads the spec vocabulary from a <see cref="SpecNode"/> tree into a <see cref="Contract"/>. Split by section:
/// this file holds the top level, <c>.Parameters.cs</c> the parameters, <c>.Sections.cs</c> endpoints, errors,
/// output, pricing, task and polling, <c>.Validation.cs</c> the validation order and <c>.Consistency.cs</c> the
/// cross-checks (C# names, message templates). Every check reports and moves on, so one pass finds as much as it can.
/// </summary>
internal sealed partial class SpecParser
{
    private static readonly string[] TopLevelKeys =
    {
        "$schema", "specVersion", "model", "summary", "doc", "namespace", "requestType", "endpoints", "parameters",
        "errors", "validation", "output", "pricing", "task", "polling",
    };

    private readonly SpecReader _reader;
    private readonly List<ParsedParameter> _parameters = new();
    private readonly Dictionary<string, ParsedParameter> _parametersByName = new(StringComparer.Ordinal);
    private readonly List<ErrorRule> _errors = new();
    private readonly Dictionary<ViolationKind, SpecNode> _errorNodes = new();

    public SpecParser(SpecReader reader) => _reader = reader;

    /// <summary>The <c>model:</c> value, once read.</summary>
    public string? ModelId { get; private set; }

    /// <summary>Where the <c>model:</c> value is.</summary>
    public SpecSpan? ModelIdSpan { get; private set; }

    private DiagnosticBag Diagnostics => _reader.Diagnostics;

    /// <summary>The contract, or null when a required part is missing (diagnostics say why).</summary>
    public Contract? ReadContract(SpecNode root)
    {
        if (root is not SpecMapping)
        {
            Diagnostics.NotParseable($"the top level of a spec must be a mapping, not {root.Describe()}", root.Start, root.End);
            return null;
        }

        var top = _reader.Mapping(root, root, string.Empty, TopLevelKeys)!;
        ReadSpecVersion(top);
        var modelId = ReadModelId(top);
        var summary = _reader.String(top, "summary", required: true);
        var doc = _reader.String(top, "doc", required: false);
        var ns = _reader.String(top, "namespace", required: false);
        var requestType = _reader.String(top, "requestType", required: false) ?? ContractNaming.DefaultRequestTypeName;

        var endpoints = ReadEndpoints(top);
        ReadParameters(top);
        ReadErrors(top);
        var validationOrder = ReadValidation(top);
        var output = ReadOutput(top);
        var pricing = ReadPricing(top);
        var statuses = ReadTask(top);
        var polling = ReadPolling(top);
        CheckNames(top, modelId, ns, requestType);
        CheckErrorTemplates();

        if (modelId is null || summary is null || endpoints is null || !top.Has("parameters"))
        {
            return null;
        }

        return new Contract(
            modelId,
            summary,
            doc,
            ns,
            requestType,
            endpoints,
            EquatableArray.From(ParametersInOrder()),
            EquatableArray.From(_errors),
            validationOrder,
            output,
            pricing,
            statuses,
            polling);
    }

    private IEnumerable<Parameter> ParametersInOrder()
    {
        foreach (var parsed in _parameters)
        {
            yield return parsed.Parameter;
        }
    }

    private void ReadSpecVersion(SpecMappingView top)
    {
        if (!top.TryGet("specVersion", out _, out var node))
        {
            return;
        }

        if (node is not SpecScalar { Kind: ScalarKind.Number, Number: 1m })
        {
            var shown = node is SpecScalar scalar ? SpecReader.Quote(scalar) : node.Describe();
            Diagnostics.Schema($"'specVersion' must be 1 (the only version this library reads), not {shown}", node);
        }
    }

    private string? ReadModelId(SpecMappingView top)
    {
        var modelId = _reader.String(top, "model", required: true);
        if (modelId is null)
        {
            return null;
        }

        var node = top.Value("model")!;
        ModelId = modelId;
        ModelIdSpan = new SpecSpan(node.Start, node.End);
        if (!IsValidModelId(modelId))
        {
            Diagnostics.Inconsistent(
                $"model id '{modelId}' must match ^[a-z0-9][a-z0-9._-]*$ (lower-case letters, digits, '.', '_' and '-')",
                node);
        }

        return modelId;
    }

    private static bool IsValidModelId(string id)
    {
        if (id.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            var ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '.' || c == '_' || c == '-'));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A parameter as read, with what the cross-checks need to point at.</summary>
    private sealed class ParsedParameter
    {
        public ParsedParameter(
            Parameter parameter,
            SpecScalar keyNode,
            bool typeKnown,
            SpecMappingView? view,
            Dictionary<ViolationKind, SpecNode> errorNodes)
        {
            ErrorNodes = errorNodes;
            Parameter = parameter;
            KeyNode = keyNode;
            TypeKnown = typeKnown;
            View = view;
        }

        public Parameter Parameter { get; }

        public SpecScalar KeyNode { get; }

        /// <summary>False when <c>type:</c> was missing or invalid: type-dependent cross-checks are skipped to avoid noise.</summary>
        public bool TypeKnown { get; }

        public SpecMappingView? View { get; }

        /// <summary>Where each per-parameter <c>errors:</c> message came from, for template diagnostics.</summary>
        public Dictionary<ViolationKind, SpecNode> ErrorNodes { get; }
    }
}
