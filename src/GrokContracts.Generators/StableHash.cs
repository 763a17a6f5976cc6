using System.Globalization;

namespace GrokContracts.Generators;

/// <summary>A hash that is the same on every machine and run (unlike <c>string.GetHashCode</c>): 32-bit FNV-1a over UTF-16 code units.</summary>
internal static class StableHash
{
    public static string Hex8(string value)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in value)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return hash.ToString("x8", CultureInfo.InvariantCulture);
        }
    }
}
