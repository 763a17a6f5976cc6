using System;

namespace GrokContracts.Spec;

/// <summary>
/// One model channel's request contract, as read from a spec file. Immutable and compared by value:
/// two specs with the same meaning produce equal contracts, whatever their formatting or comments.
/// </summary>
/// <param name="ModelId">The exact <c>model</c> value the channel accepts, e.g. <c>grok-imagine-video-1.5-official</c>.</param>
/// <param name="Summary">One-line description of the channel.</param>
/// <param name="Doc">Longer description, or null.</param>
/// <param name="Namespace">C# namespace the spec asks for (<c>namespace:</c>), or null for the default.</param>
/// <param name="RequestTypeName">C# name of the generated request type (<c>requestType:</c>, default <c>VideoGenerationRequest</c>).</param>
/// <param name="Endpoints">Submit and poll endpoints.</param>
/// <param name="Parameters">Request body parameters in declaration order (which is also the wire order). <c>model</c> is implicit and not listed.</param>
/// <param name="Errors">Error code and message template per violation kind.</param>
/// <param name="ValidationOrder">Every applicable check, in the order the API reports violations (fully resolved by the parser).</param>
/// <param name="Output">Output facts (pixel sizes, URL lifetime), or null.</param>
/// <param name="Pricing">Pricing facts, or null.</param>
/// <param name="Statuses">Task statuses of the response envelope.</param>
/// <param name="Polling">Recommended polling schedule, or null.</param>
public sealed record Contract(
    string ModelId,
    string Summary,
    string? Doc,
    string? Namespace,
    string RequestTypeName,
    ContractEndpoints Endpoints,
    EquatableArray<Parameter> Parameters,
    EquatableArray<ErrorRule> Errors,
    EquatableArray<ValidationStep> ValidationOrder,
    OutputSpec? Output,
    PricingSpec? Pricing,
    EquatableArray<TaskStatusSpec> Statuses,
    PollingSpec? Polling)
{
    /// <summary>The request parameter with wire name <paramref name="name"/> (ordinal), or null.</summary>
    public Parameter? FindParameter(string name)
    {
        foreach (var parameter in Parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.Ordinal))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>The contract-wide error rule for <paramref name="kind"/>, or null when the spec declares none.</summary>
    public ErrorRule? FindError(ViolationKind kind)
    {
        foreach (var rule in Errors)
        {
            if (rule.Kind == kind)
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>
    /// The code and message the API answers when <paramref name="parameter"/> breaks a rule of <paramref name="kind"/>:
    /// the parameter's own <c>errors:</c> entry first (its code, else the contract-wide code), then the contract-wide
    /// rule, then <see cref="ErrorTemplates.DefaultTemplate"/>. A null code means the API does not reject it.
    /// </summary>
    public ResolvedError ResolveError(Parameter parameter, ViolationKind kind)
    {
        if (parameter is null)
        {
            throw new ArgumentNullException(nameof(parameter));
        }

        ErrorRule? own = null;
        foreach (var rule in parameter.Errors)
        {
            if (rule.Kind == kind)
            {
                own = rule;
                break;
            }
        }

        var shared = FindError(kind);
        var template = own?.Message ?? shared?.Message ?? ErrorTemplates.DefaultTemplate(kind);
        return new ResolvedError(own?.Code ?? shared?.Code, ErrorTemplates.Render(template, parameter));
    }

    /// <summary>The code (usually none) and message for a payload property <paramref name="name"/> the contract does not have.</summary>
    public ResolvedError ResolveUnknownParameterError(string name)
    {
        var rule = FindError(ViolationKind.UnknownParameter);
        var template = rule?.Message ?? ErrorTemplates.DefaultTemplate(ViolationKind.UnknownParameter);
        return new ResolvedError(rule?.Code, ErrorTemplates.Render(template, name));
    }
}

/// <summary>The two HTTP endpoints of a channel.</summary>
/// <param name="BaseUrl">Base URL of the hosted service.</param>
/// <param name="Submit">Submit endpoint (POST).</param>
/// <param name="Poll">Poll endpoint (GET), with an <c>{id}</c> placeholder.</param>
public sealed record ContractEndpoints(string BaseUrl, Endpoint Submit, Endpoint Poll);

/// <summary>An HTTP method and path.</summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">Absolute path, possibly with an <c>{id}</c> placeholder.</param>
public sealed record Endpoint(string Method, string Path);
