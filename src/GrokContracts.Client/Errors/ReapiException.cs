using System;
using System.Net;

namespace GrokContracts;

/// <summary>
/// Base of every error the API (or talking to it) produced. Catch a subclass for one outcome, or this type for all.
/// Never carries the API key: messages and <see cref="RawBody"/> are redacted.
/// </summary>
public class ReapiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, for people.</param>
    /// <param name="statusCode">The HTTP status of the response, if one was read.</param>
    /// <param name="code">The API's five-digit error code, if the body carried one.</param>
    /// <param name="requestId">The API's <c>request_id</c>, if any (quote it to support).</param>
    /// <param name="rawBody">At most 1 KiB of a body that was not the API's envelope; null otherwise.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ReapiException(string message, HttpStatusCode? statusCode = null, int? code = null, string? requestId = null, string? rawBody = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Code = code;
        RequestId = requestId;
        RawBody = rawBody;
    }

    /// <summary>The HTTP status of the response, or null when no response was read.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The API's five-digit error code (<c>1xxxx</c> authentication, <c>2xxxx</c> validation, ...), if any.</summary>
    public int? Code { get; }

    /// <summary>The API's <c>request_id</c>, if any.</summary>
    public string? RequestId { get; }

    /// <summary>The start (at most 1 KiB) of a response body that was not the API's envelope; null otherwise.</summary>
    public string? RawBody { get; }
}

/// <summary>HTTP 400: the API rejected the request (<c>2xxxx</c> codes such as 20002 or 20003).</summary>
public sealed class ReapiValidationException : ReapiException
{
    /// <summary>Creates the exception.</summary>
    public ReapiValidationException(string message, HttpStatusCode? statusCode, int? code, string? requestId, string? rawBody = null)
        : base(message, statusCode, code, requestId, rawBody)
    {
    }
}

/// <summary>HTTP 401 or 403, or a <c>1xxxx</c> code: the API key is missing, malformed, revoked or not allowed.</summary>
public sealed class ReapiAuthenticationException : ReapiException
{
    /// <summary>Creates the exception.</summary>
    public ReapiAuthenticationException(string message, HttpStatusCode? statusCode, int? code, string? requestId, string? rawBody = null)
        : base(message, statusCode, code, requestId, rawBody)
    {
    }
}

/// <summary>HTTP 402: the workspace has not enough credit for the request.</summary>
public sealed class ReapiInsufficientCreditException : ReapiException
{
    /// <summary>Creates the exception.</summary>
    public ReapiInsufficientCreditException(string message, HttpStatusCode? statusCode, int? code, string? requestId, string? rawBody = null)
        : base(message, statusCode, code, requestId, rawBody)
    {
    }
}

/// <summary>HTTP 404: e.g. no task with that id (in this workspace).</summary>
public sealed class ReapiNotFoundException : ReapiException
{
    /// <summary>Creates the exception.</summary>
    public ReapiNotFoundException(string message, HttpStatusCode? statusCode, int? code, string? requestId, string? rawBody = null)
        : base(message, statusCode, code, requestId, rawBody)
    {
    }
}

/// <summary>HTTP 429: too many requests. Wait at least <see cref="RetryAfter"/> (when the server said) before trying again.</summary>
public sealed class ReapiRateLimitedException : ReapiException
{
    /// <summary>Creates the exception.</summary>
    public ReapiRateLimitedException(string message, HttpStatusCode? statusCode, int? code, string? requestId, TimeSpan? retryAfter, string? rawBody = null)
        : base(message, statusCode, code, requestId, rawBody)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The server's <c>Retry-After</c> / <c>retry-after-ms</c>, clamped to a sane range; null if absent or unreadable.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>HTTP 5xx: the service failed. Polls are retried automatically; a submit never is.</summary>
public sealed class ReapiServerException : ReapiException
{
    /// <summary>Creates the exception.</summary>
    public ReapiServerException(string message, HttpStatusCode? statusCode, int? code, string? requestId, string? rawBody = null)
        : base(message, statusCode, code, requestId, rawBody)
    {
    }
}

/// <summary>
/// A response that is not what the API sends: not JSON, not the envelope, deeper than 64 levels or larger than the
/// client's limit. <see cref="ReapiException.RawBody"/> holds its first KiB.
/// </summary>
public sealed class ReapiProtocolException : ReapiException
{
    /// <summary>Creates the exception.</summary>
    public ReapiProtocolException(string message, HttpStatusCode? statusCode, string? requestId, string? rawBody, Exception? innerException = null)
        : base(message, statusCode, null, requestId, rawBody, innerException)
    {
    }
}

/// <summary>No response could be read (connection refused or reset, DNS, TLS, timeout) for a request that is safe to repeat.</summary>
public sealed class ReapiConnectionException : ReapiException
{
    /// <summary>Creates the exception.</summary>
    public ReapiConnectionException(string message, Exception? innerException)
        : base(message, null, null, null, null, innerException)
    {
    }
}
