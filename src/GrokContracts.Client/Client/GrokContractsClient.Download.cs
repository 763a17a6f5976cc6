using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Internal;

namespace GrokContracts;

public sealed partial class GrokContractsClient
{
    private const int MaxRedirects = 5;

    /// <summary>Streams the first video of a completed task into <paramref name="destination"/>; returns the bytes written.</summary>
    /// <exception cref="InvalidOperationException">The task has no video URL (it is not completed).</exception>
    public Task<long> DownloadAsync(VideoTask task, Stream destination, CancellationToken cancellationToken = default)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        if (task.Output is not { VideoUrls.Count: > 0 } output)
        {
            throw new InvalidOperationException("Task " + task.Id + " has no video URL (status '" + task.Status + "').");
        }

        return DownloadTaskAsync(task.Channel, output.VideoUrls[0], destination, cancellationToken);
    }

    // Async, so a channel whose base URL cannot carry the key faults the returned Task like any other download failure.
    private async Task<long> DownloadTaskAsync(ChannelDescriptor channel, string url, Stream destination, CancellationToken cancellationToken) =>
        await DownloadCoreAsync(url, destination, GetBaseUrl(channel), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>
    /// The URL must be https (or http on a loopback address). Redirects are followed by hand, at most 5, and the
    /// API key is sent only to <see cref="BaseUrl"/>'s own origin (when the options set one), never to a CDN or any
    /// other host. <see cref="DownloadAsync(VideoTask, Stream, CancellationToken)"/> knows the task's channel and sends
    /// the key only to that channel's base URL origin.
    /// </remarks>
    public Task<long> DownloadAsync(string url, Stream destination, CancellationToken cancellationToken = default) =>
        DownloadCoreAsync(url, destination, BaseUrl, cancellationToken);

    private async Task<long> DownloadCoreAsync(string url, Stream destination, Uri? keyOrigin, CancellationToken cancellationToken)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !Loopback.IsAllowed(uri))
        {
            throw new ArgumentException("A video URL must be an absolute https URL (http only on a loopback address).", nameof(url));
        }

        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, uri);
            if (keyOrigin is not null && Loopback.SameOrigin(uri, keyOrigin))
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
            }

            using var response = await SendRetryableAsync(message, "Downloading the video", cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                if (!Loopback.IsAllowed(next))
                {
                    throw new ReapiProtocolException("The video URL redirected to a URL that is not https.", response.StatusCode, ApiErrors.HeaderRequestId(response), null);
                }

                uri = next;
                continue;
            }

            if (!IsSuccess(response.StatusCode))
            {
                var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
                var error = ApiErrors.FromResponse(response, body, _redactor, _time.GetUtcNow(), _options.MaxRetryAfter);
                ClientLog.RequestFailed(_logger, "Download", error);
                throw error;
            }

            long written;
            try
            {
#if NET8_0_OR_GREATER
                using var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                using var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                written = await CopyAsync(source, destination, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is OperationCanceledException)
            {
                throw new ReapiConnectionException("The video download broke off: " + _redactor.Redact(ex.Message), ex);
            }

            ClientLog.Downloaded(_logger, written);
            return written;
        }

        throw new ReapiProtocolException("The video URL redirected more than " + MaxRedirects.ToString(System.Globalization.CultureInfo.InvariantCulture) + " times.", null, null, null);
    }

    private static async Task<long> CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
            total += read;
        }

        return total;
    }
}
