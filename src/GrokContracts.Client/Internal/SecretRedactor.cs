using System;

namespace GrokContracts.Internal;

/// <summary>Removes the API key from any text that came from outside (a server echoing it back must not leak it).</summary>
internal sealed class SecretRedactor
{
    public const string Mask = "[redacted]";
    private readonly string? _secret;

    public SecretRedactor(string? secret)
    {
        _secret = string.IsNullOrEmpty(secret) ? null : secret;
    }

    public string? Redact(string? text)
    {
        if (text is null || _secret is null || text.IndexOf(_secret, StringComparison.Ordinal) < 0)
        {
            return text;
        }

        return text.Replace(_secret, Mask);
    }
}
