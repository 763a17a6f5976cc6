using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace GrokContracts.Emulator;

/// <summary>Settings of <see cref="ReapiEmulator"/>.</summary>
public sealed class ReapiEmulatorOptions
{
    /// <summary>The default text that, anywhere in a string value of a submit body (e.g. a prompt), makes the task fail.</summary>
    public const string DefaultFailureToken = "[emulator:fail]";

    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// When set, only <c>Authorization: Bearer &lt;this key&gt;</c> is accepted; every other token is a 401. When null
    /// (the default), any non-empty bearer token is accepted.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How long a task stays pending before it succeeds or fails (default 5 s; negative counts as zero). A spec with
    /// several pending words reports them in turn, each for an equal share of it.
    /// </summary>
    public TimeSpan CompletionDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock of the task store (replace it with a fake one in tests, then advance it).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Load the specs shipped in the assembly (default true).</summary>
    public bool IncludeShippedSpecs { get; set; } = true;

    /// <summary>More spec files (YAML or JSON) to load; one with a shipped model id replaces the shipped one.</summary>
    public IList<string> SpecPaths { get; } = new List<string>();

    /// <summary>
    /// A submit whose body has a top-level string value containing this text (whatever the parameter: reAPI's
    /// <c>prompt</c>, another channel's <c>text</c>) makes its task fail once due (default <c>[emulator:fail]</c>).
    /// </summary>
    public string FailureToken { get; set; } = DefaultFailureToken;

    /// <summary>Make every task fail once due.</summary>
    public bool FailAllTasks { get; set; }

    /// <summary>
    /// How long an accepted submit takes to answer: the task exists (and would bill) from the moment the body is accepted,
    /// so a client that dies meanwhile has an unknown outcome, as with a slow gateway (default zero). Read per request:
    /// changing it on a running emulator takes effect on the next submit.
    /// </summary>
    public TimeSpan SubmitDelay { get; set; }

    /// <summary>
    /// Called once per request after it is answered (null, the default, logs nothing). <c>grok-contracts serve</c>
    /// writes each as a line to stderr. Called on the server's threads, possibly at the same time.
    /// </summary>
    public System.Action<EmulatorRequest>? RequestLog { get; set; }

    /// <summary>Where the emulator logs (nothing by default).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
