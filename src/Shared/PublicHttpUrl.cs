using System;

namespace GrokContracts.Internal;

/// <summary>
/// The one definition of "a public http(s) URL" (spec format <c>public-http-url</c>). Compiled into both the
/// Spec library (ContractRules) and the runtime library (generated <c>Validate()</c>) so the two agree.
/// Allocation-free.
/// </summary>
internal static class PublicHttpUrl
{
    /// <summary>
    /// True for an absolute <c>http://</c> or <c>https://</c> URL with a non-empty host, an optional numeric
    /// port and no whitespace or control characters. <c>data:</c>, <c>ftp:</c>, <c>file:</c>, scheme-relative
    /// (<c>//host</c>) and relative URLs are false. Reachability (is the host really public?) is the server's
    /// business and is not checked here.
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return false;
        }

        int start;
        if (StartsWithIgnoreCase(value, "https://"))
        {
            start = 8;
        }
        else if (StartsWithIgnoreCase(value, "http://"))
        {
            start = 7;
        }
        else
        {
            return false;
        }

        foreach (var c in value)
        {
            // Backslashes are rejected too: browsers and servers disagree on whether they separate the host.
            if (c <= ' ' || c == '\u007f' || c == '\\' || char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        var end = start;
        while (end < value.Length && value[end] != '/' && value[end] != '?' && value[end] != '#')
        {
            end++;
        }

        // Authority = [userinfo@]host[:port]
        var hostStart = value.LastIndexOf('@', end - 1, end - start) + 1;
        if (hostStart == 0)
        {
            hostStart = start;
        }

        var hostEnd = end;
        if (hostStart < end && value[hostStart] == '[')
        {
            // IPv6 literal: [....] then optional :port
            var close = value.IndexOf(']', hostStart, end - hostStart);
            if (close < 0 || close == hostStart + 1)
            {
                return false;
            }

            return close + 1 == end || (value[close + 1] == ':' && IsPort(value, close + 2, end));
        }

        var colon = value.IndexOf(':', hostStart, end - hostStart);
        if (colon >= 0)
        {
            if (!IsPort(value, colon + 1, end))
            {
                return false;
            }

            hostEnd = colon;
        }

        if (hostEnd <= hostStart)
        {
            return false;
        }

        var hasLetterOrDigit = false;
        for (var i = hostStart; i < hostEnd; i++)
        {
            var c = value[i];
            if (!(char.IsLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '%' || c > '\u007f'))
            {
                return false;
            }

            hasLetterOrDigit |= char.IsLetterOrDigit(c);
        }

        return hasLetterOrDigit;
    }

    private static bool IsPort(string value, int start, int end)
    {
        if (start >= end || end - start > 5)
        {
            return false;
        }

        var port = 0;
        for (var i = start; i < end; i++)
        {
            if (value[i] < '0' || value[i] > '9')
            {
                return false;
            }

            port = (port * 10) + (value[i] - '0');
        }

        return port <= 65535;
    }

    private static bool StartsWithIgnoreCase(string value, string prefix) =>
        value.Length > prefix.Length && string.Compare(value, 0, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;
}
