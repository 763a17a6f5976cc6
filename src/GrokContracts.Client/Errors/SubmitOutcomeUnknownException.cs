using System;
using System.Net;

namespace GrokContracts;

/// <summary>
/// A submit (POST) may have reached the server, but no usable answer was read: the connection broke, timed out,
/// or the answer was not the task envelope. The task may exist and bill. The client never retries a submit; do not
/// blindly resubmit either. Check first: list your recent tasks or look at the dashboard, or poll the task if you
/// have its id.
/// </summary>
public sealed class SubmitOutcomeUnknownException : ReapiException
{
    /// <summary>What every instance's message ends with.</summary>
    public const string Advice =
        "The task may have been created and billed: do not blindly resubmit. Check your recent tasks or the dashboard first, or poll the task if you have its id.";

    /// <summary>Creates the exception.</summary>
    public SubmitOutcomeUnknownException(string reason, HttpStatusCode? statusCode = null, string? requestId = null, string? rawBody = null, Exception? innerException = null)
        : base("The submit's outcome is unknown: " + reason + " " + Advice, statusCode, null, requestId, rawBody, innerException)
    {
    }
}
