using System;
using System.Collections.Generic;
using GrokContracts.Spec;

namespace GrokContracts.Generators;

/// <summary>A C# name the generated code would declare twice.</summary>
/// <param name="Parameter">Wire name of the parameter the name comes from, or null when it comes from the contract.</param>
/// <param name="Message">What collides, and how to fix it in the spec.</param>
internal sealed record NameConflict(string? Parameter, string Message);

/// <summary>
/// The names the emitter declares for a contract, and the collisions among them that the Spec library cannot
/// know about (it does not know the generated members). A contract with a conflict generates nothing; the
/// analyzer reports it as GRK102 so the user renames the parameter (<c>csharpName:</c>, <c>enum:</c>).
/// </summary>
internal static class GeneratedNames
{
    /// <summary>Members of the request type that do not come from parameters.</summary>
    public static readonly string[] RequestMembers =
    [
        "ModelId", "Validate", "EnsureValid", "WriteTo", "ToJson", "ToUtf8Bytes", "ToString", "Equals", "GetHashCode",
        "GetType", "MemberwiseClone", "MemberwiseCopy", "Finalize", "CopyOf", "AddViolation",
    ];

    /// <summary>Members of the channel class that do not come from parameters.</summary>
    public static readonly string[] ChannelMembers =
    [
        "ModelId", "BaseUrl", "SubmitMethod", "SubmitPath", "PollMethod", "PollPath", "FormatPollPath", "CreditUsd",
        "PerSecondUsd", "VideoUrlsValidFor", "TryGetOutputSize", "EstimateCredits", "Equals", "GetHashCode", "GetType", "ToString",
        "ReferenceEquals", "MemberwiseClone",
    ];

    /// <summary>The name of the generated static class of channel facts, e.g. <c>GrokImagineVideo15OfficialChannel</c>.</summary>
    public static string ChannelTypeName(Contract contract) => ContractNaming.ToMemberName(contract.ModelId) + "Channel";

    /// <summary>Every collision among the generated names of <paramref name="contract"/>; empty when it can be generated.</summary>
    public static List<NameConflict> FindConflicts(Contract contract)
    {
        var conflicts = new List<NameConflict>();
        var requestType = contract.RequestTypeName;
        var channelType = ChannelTypeName(contract);

        var types = new Dictionary<string, string?>(StringComparer.Ordinal) { [requestType] = null };
        Claim(types, channelType, null, "the channel class", conflicts);
        foreach (var parameter in contract.Parameters)
        {
            if (parameter.EnumName is not null && parameter.AllowedValues.Count > 0)
            {
                Claim(types, parameter.EnumName, parameter.Name, "enum", conflicts);
                Claim(types, parameter.EnumName + "Wire", parameter.Name, "enum helper class", conflicts);
            }
        }

        var requestMembers = new Dictionary<string, string?>(StringComparer.Ordinal) { [requestType] = null };
        foreach (var member in RequestMembers)
        {
            requestMembers[member] = null;
        }

        var channelMembers = new Dictionary<string, string?>(StringComparer.Ordinal) { [channelType] = null };
        foreach (var member in ChannelMembers)
        {
            channelMembers[member] = null;
        }

        // Backing fields and constructor arguments are camelCase: "Url" and "URL" would collide there.
        var camelNames = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var parameter in contract.Parameters)
        {
            var property = parameter.PropertyName;
            Claim(requestMembers, property, parameter.Name, "property", conflicts);
            Claim(requestMembers, "With" + property, parameter.Name, "method", conflicts);
            Claim(camelNames, CSharpText.CamelCase(property).TrimStart('@'), parameter.Name, "field", conflicts);
            foreach (var suffix in new[] { "Minimum", "Maximum", "MinItems", "MaxItems", "Default" })
            {
                Claim(channelMembers, property + suffix, parameter.Name, "channel constant", conflicts);
            }
        }

        // Integer parameters are C# ints: bounds and defaults must fit.
        foreach (var parameter in contract.Parameters)
        {
            if (parameter.Type == ParameterType.Integer
                && (OutsideInt(parameter.Minimum) || OutsideInt(parameter.Maximum) || (parameter.Default is { Kind: ContractValueKind.Number } d && OutsideInt(d.Number))))
            {
                conflicts.Add(new NameConflict(parameter.Name, "parameter '" + parameter.Name + "' is an integer, generated as a C# int: its minimum, maximum and default must lie in [-2147483648, 2147483647]"));
            }
        }

        return conflicts;
    }

    private static bool OutsideInt(decimal? value) => value is decimal v && (v < int.MinValue || v > int.MaxValue);

    private static void Claim(Dictionary<string, string?> names, string name, string? parameter, string what, List<NameConflict> conflicts)
    {
        if (!names.TryGetValue(name, out var owner))
        {
            names.Add(name, parameter);
            return;
        }

        var source = parameter is null ? "the contract" : "parameter '" + parameter + "'";
        var other = owner is null ? "a generated member" : owner == parameter ? "another name of the same parameter" : "parameter '" + owner + "'";
        var fix = parameter is null ? "change 'requestType' or the enum names" : what.StartsWith("enum", StringComparison.Ordinal) ? "rename it with 'enum:'" : "rename it with 'csharpName:'";
        conflicts.Add(new NameConflict(parameter, source + " gets the generated C# " + what + " name '" + name + "', which " + other + " already uses; " + fix));
    }
}
