using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace GrokContracts.Internal;

/// <summary>A response body read into memory up to a limit.</summary>
internal readonly struct ResponseBody
{
    public const int RawSnippetBytes = 1024;

    public ResponseBody(byte[] buffer, int length, bool tooLarge)
    {
        Buffer = buffer;
        Length = length;
        TooLarge = tooLarge;
    }

    public byte[] Buffer { get; }

    public int Length { get; }

    /// <summary>True when the body was longer than the limit (only the first bytes were kept).</summary>
    public bool TooLarge { get; }

    public ReadOnlyMemory<byte> Memory => new(Buffer, 0, Length);

    /// <summary>At most 1 KiB of the body as text, for an error that is not the envelope.</summary>
    public string Snippet()
    {
        var count = Math.Min(Length, RawSnippetBytes);
        // Do not cut a UTF-8 sequence in half.
        while (count > 0 && count < Length && (Buffer[count] & 0xC0) == 0x80)
        {
            count--;
        }

        return Encoding.UTF8.GetString(Buffer, 0, count);
    }

    public static async Task<ResponseBody> ReadAsync(HttpContent? content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return new ResponseBody(Array.Empty<byte>(), 0, false);
        }

        var declared = content.Headers.ContentLength;
#if NET8_0_OR_GREATER
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        var initial = declared is long d && d >= 0 && d <= maxBytes ? (int)d + 1 : 8192;
        var buffer = new byte[Math.Min(Math.Max(initial, 256), maxBytes + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > maxBytes)
                {
                    return new ResponseBody(buffer, maxBytes, tooLarge: true);
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)maxBytes + 1));
            }

            var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (length > maxBytes)
            {
                return new ResponseBody(buffer, maxBytes, tooLarge: true);
            }
        }

        return new ResponseBody(buffer, length, tooLarge: false);
    }
}
