using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;

namespace GrokContracts.Internal;

/// <summary>Turns an error response into the typed exception users catch.</summary>
internal static class ApiErrors
{
    public static ReapiException FromResponse(
        HttpResponseMessage response,
        ResponseBody body,
        SecretRedactor redactor,
        DateTimeOffset now,
        TimeSpan retryAfterCap)
    {
        var status = response.StatusCode;
        var numeric = (int)status;
        int? code = null;
        string? message = null;
        string? requestId = null;
        string? raw = null;
        var isEnvelope = false;
        if (!body.TooLarge)
        {
            using var document = EnvelopeReader.TryParse(body.Memory);
            if (document is not null)
            {
                isEnvelope = EnvelopeReader.TryReadError(document.RootElement, out code, out message, out requestId);
            }
        }

        if (!isEnvelope)
        {
            raw = redactor.Redact(body.Snippet());
        }

        requestId ??= HeaderRequestId(response);
        message = redactor.Redact(message);
        requestId = redactor.Redact(requestId);
        var text = Describe(numeric, code, message, requestId, isEnvelope);

        if (status == HttpStatusCode.Unauthorized || status == HttpStatusCode.Forbidden || (code is >= 10000 and < 20000))
        {
            return new ReapiAuthenticationException(text, status, code, requestId, raw);
        }

        switch (numeric)
        {
            case 400:
                return new ReapiValidationException(text, status, code, requestId, raw);
            case 402:
                return new ReapiInsufficientCreditException(text, status, code, requestId, raw);
            case 404:
                return new ReapiNotFoundException(text, status, code, requestId, raw);
            case 429:
                return new ReapiRateLimitedException(text, status, code, requestId, RetryAfterHeader.Read(response, now, retryAfterCap), raw);
            case >= 500 and < 600:
                return new ReapiServerException(text, status, code, requestId, raw);
            default:
                return new ReapiException(text, status, code, requestId, raw);
        }
    }

    public static string? HeaderRequestId(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("x-request-id", out var values))
        {
            var value = values.FirstOrDefault();
            if (!string.IsNullOrEmpty(value) && value!.Length <= 200)
            {
                return value;
            }
        }

        return null;
    }

    private static string Describe(int status, int? code, string? message, string? requestId, bool isEnvelope)
    {
        var text = "HTTP " + status.ToString(CultureInfo.InvariantCulture);
        if (code is int c)
        {
            text += ", code " + c.ToString(CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrEmpty(message))
        {
            text += ": " + Truncate(message!, 512);
        }
        else if (!isEnvelope)
        {
            text += ": the response body is not the API's error envelope";
        }

        if (!string.IsNullOrEmpty(requestId))
        {
            text += " (request_id " + requestId + ")";
        }

        return text;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max) + "...";
}
