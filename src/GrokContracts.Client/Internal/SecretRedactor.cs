using System;

namespace GrokContracts.Internal;

/// <summary>Removes the API key from any text that came from outside (a server echoing it back must not leak it).</summary>
internal sealed class SecretRedactor
{
    public const string Mask = "[redacted]";
    private readonly string? secret;

    public SecretRedactor(string? secret)
    {
        this.secret = string.IsNullOrEmpty(secret) ? null : secret;
    }

    public string? Redact(string? text)
    {
        if (text is null || secret is null || text.IndexOf(secret, StringComparison.Ordinal) < 0)
        {
            return text;
        }

        return text.Replace(secret, Mask);
    }
}
