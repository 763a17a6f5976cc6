using System;
using System.Net;

namespace GrokContracts.Internal;

/// <summary>Only https, or http to a loopback address (the local emulator), may carry the API key.</summary>
internal static class Loopback
{
    public static bool IsLoopbackHost(Uri uri)
    {
        if (uri.IsLoopback)
        {
            return true;
        }

        var host = uri.IdnHost;
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    public static bool IsAllowed(Uri uri) =>
        uri.IsAbsoluteUri
        && (string.Equals(uri.Scheme, "https", StringComparison.OrdinalIgnoreCase)
            || (string.Equals(uri.Scheme, "http", StringComparison.OrdinalIgnoreCase) && IsLoopbackHost(uri)));

    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
