namespace GrokContracts.Emulator;

/// <summary>One request the emulator answered, as <see cref="ReapiEmulatorOptions.RequestLog"/> receives it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query as sent.</param>
/// <param name="StatusCode">The status answered, or 0 when the connection was dropped (an injected fault).</param>
/// <param name="TaskId">The task a submit created, or the task a poll or download asked for; null otherwise.</param>
/// <param name="Kind">What the request was: <c>submit</c>, <c>poll</c>, <c>media</c> or <c>other</c>.</param>
public sealed record EmulatorRequest(string Method, string Path, int StatusCode, string? TaskId, string Kind)
{
    /// <summary>True for a submit that created a task (an accepted, billed submit on the real API).</summary>
    public bool IsAcceptedSubmit => Kind == "submit" && StatusCode is >= 200 and < 300 && TaskId is not null;

    /// <summary>
    /// The log line <c>grok-contracts serve</c> writes: <c>&lt;METHOD&gt; &lt;path&gt; -&gt; &lt;status&gt;</c>, then the task
    /// id of an accepted submit (<c>dropped</c> for a dropped connection).
    /// </summary>
    public override string ToString() =>
        Method + " " + Path + " -> " + (StatusCode == 0 ? "dropped" : StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))
        + (IsAcceptedSubmit ? " " + TaskId : string.Empty);
}
