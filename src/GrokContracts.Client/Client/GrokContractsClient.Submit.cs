using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Internal;

namespace GrokContracts;

public sealed partial class GrokContractsClient
{
    /// <inheritdoc />
    /// <remarks>
    /// If <paramref name="cancellationToken"/> fires after the POST left, the task may exist anyway: the
    /// <see cref="OperationCanceledException"/> cannot say. A submit is never retried by this client.
    /// </remarks>
    public async Task<VideoTask> SubmitAsync(IContractRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var violations = request.Validate();
        if (violations.Count > 0)
        {
            throw new ContractValidationException(request.ModelId, violations);
        }

        var channel = request.Channel ?? throw new ArgumentException("The request names no channel.", nameof(request));
        var baseUrl = GetBaseUrl(channel);
        var payload = ContractJson.ToUtf8Bytes(request);
        ClientLog.Submitting(_logger, request.ModelId);
        using var message = CreateApiRequest(channel, channel.Submit, null);
        message.Content = new ByteArrayContent(payload);
        message.Content.Headers.ContentType = JsonContentType;

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException || ex is OperationCanceledException || ex is IOException)
        {
            if (NeverSent(ex))
            {
                throw new ReapiConnectionException("Could not connect to " + baseUrl.GetLeftPart(UriPartial.Authority) + "; the submit was not sent: " + _redactor.Redact(ex.Message), ex);
            }

            var reason = ex is OperationCanceledException ? "the request timed out before a response was read." : "the connection failed before a response was read.";
            ClientLog.OutcomeUnknown(_logger, reason);
            throw new SubmitOutcomeUnknownException(reason, innerException: ex);
        }

        using (response)
        {
            var success = IsSuccess(response.StatusCode);
            ResponseBody body;
            try
            {
                body = await ResponseBody.ReadAsync(response.Content, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is OperationCanceledException || ex is IOException)
            {
                var reason = "HTTP " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) + " arrived but its body broke off.";
                ClientLog.OutcomeUnknown(_logger, reason);
                throw new SubmitOutcomeUnknownException(reason, response.StatusCode, ApiErrors.HeaderRequestId(response), innerException: ex);
            }

            if (success)
            {
                var task = body.TooLarge ? null : ReadTask(body, channel);
                if (task is null)
                {
                    var reason = "HTTP " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) + " arrived but its body is not the task envelope.";
                    ClientLog.OutcomeUnknown(_logger, reason);
                    throw new SubmitOutcomeUnknownException(reason, response.StatusCode, ApiErrors.HeaderRequestId(response), _redactor.Redact(body.Snippet()));
                }

                ClientLog.Submitted(_logger, task);
                return task;
            }

            var error = ApiErrors.FromResponse(response, body, _redactor, _time.GetUtcNow(), _options.MaxRetryAfter);
            if (error is ReapiServerException && (error.RawBody is not null || response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout))
            {
                // A gateway's answer (or a 5xx that is not the API's own envelope) says nothing about whether the API
                // created the task behind it.
                var reason = "a gateway answered " + error.Message + ".";
                ClientLog.OutcomeUnknown(_logger, reason);
                throw new SubmitOutcomeUnknownException(reason, response.StatusCode, error.RequestId, error.RawBody);
            }

            ClientLog.RequestFailed(_logger, "Submit", error);
            throw error;
        }
    }

    /// <inheritdoc />
    public async Task<VideoTask> GenerateAsync(IContractRequest request, PollingSchedule? schedule = null, IProgress<TaskProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var submitted = await SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        progress?.Report(new TaskProgress(submitted, 0, TimeSpan.Zero, submitted.IsTerminal ? null : ScheduleFor(submitted.Channel, schedule).GetInterval(TimeSpan.Zero)));
        return await WaitCoreAsync(submitted, schedule, progress, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    /// <summary>True when the failure happened before any byte of the request could reach the server.</summary>
    private static bool NeverSent(Exception exception)
    {
#if NET8_0_OR_GREATER
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError })
        {
            return true;
        }
#endif
        // Older stacks only say it through the socket error: refused or unresolvable means nothing left this machine.
        return exception is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData or SocketError.NetworkUnreachable or SocketError.HostUnreachable } };
    }

    private static VideoTask? ReadTask(ResponseBody body, ChannelDescriptor channel)
    {
        using var document = EnvelopeReader.TryParse(body.Memory);
        return document is null ? null : EnvelopeReader.TryReadTask(document.RootElement, channel);
    }
}
