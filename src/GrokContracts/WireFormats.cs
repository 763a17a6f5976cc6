namespace GrokContracts;

/// <summary>String formats a contract can require (spec key <c>format</c>), as used by generated validation.</summary>
public static class WireFormats
{
    /// <summary>
    /// True for an absolute http(s) URL with a host (<c>public-http-url</c>): <c>data:</c> URIs, other schemes
    /// and relative URLs are false. Allocation-free.
    /// </summary>
    public static bool IsPublicHttpUrl(string? value) => Internal.PublicHttpUrl.IsValid(value);
}
