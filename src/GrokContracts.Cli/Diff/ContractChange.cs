namespace GrokContracts.Cli.Diff;

/// <summary>Whether a change can break code or payloads written against the old contract.</summary>
public enum ChangeSeverity
{
    /// <summary>A request that the old contract accepted may be rejected, or code generated from it may not compile.</summary>
    Breaking,

    /// <summary>Everything that worked keeps working (possibly with a different result when a default changes).</summary>
    NonBreaking,
}

/// <summary>What changed between two contracts.</summary>
public enum ChangeKind
{
    /// <summary>The model id differs: payloads carrying the old id are rejected by the new channel.</summary>
    ModelIdChanged,

    /// <summary>The base URL, or an endpoint's method or path, differs.</summary>
    EndpointChanged,

    /// <summary>A parameter was removed.</summary>
    ParameterRemoved,

    /// <summary>A required parameter was added.</summary>
    RequiredParameterAdded,

    /// <summary>An optional parameter was added.</summary>
    OptionalParameterAdded,

    /// <summary>A parameter's JSON type changed.</summary>
    TypeChanged,

    /// <summary>An optional parameter became required.</summary>
    BecameRequired,

    /// <summary>A required parameter became optional.</summary>
    NoLongerRequired,

    /// <summary>An empty string is no longer accepted.</summary>
    BecameNonEmpty,

    /// <summary>An empty string is now accepted.</summary>
    EmptyAllowed,

    /// <summary>An allowed value was removed (or a free string became an enumeration).</summary>
    ValueRemoved,

    /// <summary>An allowed value was added (or an enumeration became a free string).</summary>
    ValueAdded,

    /// <summary>A numeric range lost values (a bound was raised, lowered or added).</summary>
    RangeNarrowed,

    /// <summary>A numeric range gained values only.</summary>
    RangeWidened,

    /// <summary><c>minItems</c> went up or <c>maxItems</c> went down.</summary>
    ItemCountNarrowed,

    /// <summary><c>minItems</c> went down or <c>maxItems</c> went up.</summary>
    ItemCountWidened,

    /// <summary>A string format rule was added or changed.</summary>
    FormatAdded,

    /// <summary>A string format rule was removed.</summary>
    FormatRemoved,

    /// <summary>The default value (what the API uses when the parameter is absent) changed, appeared or disappeared.</summary>
    DefaultChanged,

    /// <summary>The error code of a violation kind changed (clients pattern-match on codes).</summary>
    ErrorCodeChanged,
}

/// <summary>One difference between two contracts.</summary>
/// <param name="Severity">Breaking or not.</param>
/// <param name="Kind">What changed.</param>
/// <param name="Subject">What it is about: a parameter's wire name, <c>model</c>, an endpoint or <c>errors.&lt;kind&gt;</c>.</param>
/// <param name="Description">One line, with the old and new values.</param>
public sealed record ContractChange(ChangeSeverity Severity, ChangeKind Kind, string Subject, string Description)
{
    /// <summary>True for <see cref="ChangeSeverity.Breaking"/>.</summary>
    public bool IsBreaking => Severity == ChangeSeverity.Breaking;

    /// <summary><c>breaking: subject: description</c> or <c>non-breaking: subject: description</c>.</summary>
    public override string ToString() => $"{(IsBreaking ? "breaking" : "non-breaking")}: {Subject}: {Description}";
}
