using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace GrokContracts;

/// <summary>Helpers that turn a typed request into its wire JSON.</summary>
public static class ContractJson
{
    // Requests are small; a larger buffer than this is not kept for the next call.
    private const int MaxRetainedBytes = 64 * 1024;

    // One writer and buffer per thread, so a call allocates only its result. A nested call on the same thread
    // (a request's WriteTo calling back in here) finds the slot empty and uses a fresh pair.
    [ThreadStatic]
    private static Scratch? s_scratch;

    /// <summary>The request body as UTF-8 JSON bytes.</summary>
    public static byte[] ToUtf8Bytes(IContractRequest request) => Write(request, static stream => stream.ToArray());

    /// <summary>The request body as a JSON string.</summary>
    public static string ToJson(IContractRequest request) =>
        Write(request, static stream => Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));

    private static T Write<T>(IContractRequest request, Func<MemoryStream, T> result)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var scratch = Rent();
        try
        {
            request.WriteTo(scratch.Writer);
            scratch.Writer.Flush();
            return result(scratch.Stream);
        }
        finally
        {
            Return(scratch);
        }
    }

    private static Scratch Rent()
    {
        var scratch = s_scratch ?? new Scratch();
        s_scratch = null;
        scratch.Stream.SetLength(0);
        scratch.Writer.Reset(scratch.Stream);
        return scratch;
    }

    private static void Return(Scratch scratch)
    {
        if (scratch.Stream.Capacity <= MaxRetainedBytes)
        {
            s_scratch = scratch;
        }
    }

    private sealed class Scratch
    {
        public Scratch()
        {
            Stream = new MemoryStream(512);
            Writer = new Utf8JsonWriter(Stream);
        }

        public MemoryStream Stream { get; }

        public Utf8JsonWriter Writer { get; }
    }
}
