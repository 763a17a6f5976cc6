using System;
using System.Security.Cryptography;

namespace GrokContracts;

/// <summary>
/// One line of a batch: a stable key (it names the journal row and, by default, the video file), the line number it
/// came from, and the request to send. The request carries its channel, so one batch may mix channels.
/// </summary>
public sealed class BatchItem
{
    /// <summary>Creates a batch item and fingerprints its request body.</summary>
    /// <param name="key">A key unique in the batch and stable across runs (e.g. the line number, or a product SKU).</param>
    /// <param name="line">The 1-based line (or record) number in the input, for messages.</param>
    /// <param name="request">The request to send; it is valid (the runner sends what it is given).</param>
    /// <param name="estimatedCredits">What the request costs by its channel's pricing, or null when unknown.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty or <paramref name="line"/> is not positive.</exception>
    public BatchItem(string key, int line, IContractRequest request, long? estimatedCredits = null)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("A batch item needs a key.", nameof(key));
        }

        if (line <= 0)
        {
            throw new ArgumentException("Line numbers start at 1.", nameof(line));
        }

        Key = key;
        Line = line;
        Request = request ?? throw new ArgumentNullException(nameof(request));
        if (request.Channel is null)
        {
            throw new ArgumentException("The request names no channel.", nameof(request));
        }

        EstimatedCredits = estimatedCredits;
        BodySha256 = Sha256Hex(ContractJson.ToUtf8Bytes(request));
    }

    /// <summary>The item's key, unique in the batch.</summary>
    public string Key { get; }

    /// <summary>The 1-based line (or record) number in the input.</summary>
    public int Line { get; }

    /// <summary>The request to send.</summary>
    public IContractRequest Request { get; }

    /// <summary>What the request costs, or null when unknown.</summary>
    public long? EstimatedCredits { get; }

    /// <summary>
    /// SHA-256 (lower-case hex) of the request's wire JSON: the journal keeps it, so a rerun against an edited input is
    /// refused instead of mixing old tasks with new lines.
    /// </summary>
    public string BodySha256 { get; }

    /// <summary>Lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    internal static string Sha256Hex(byte[] bytes)
    {
#if NET8_0_OR_GREATER
        return Hex(SHA256.HashData(bytes));
#else
        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(bytes));
#endif
    }

    /// <summary>Lower-case hex of <paramref name="bytes"/>.</summary>
    internal static string Hex(byte[] bytes)
    {
        const string Digits = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = Digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
        }

        return new string(chars);
    }

    /// <inheritdoc />
    public override string ToString() => "BatchItem(" + Key + ", line " + Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", " + Request.ModelId + ")";
}
