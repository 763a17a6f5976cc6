using System;

namespace GrokContracts.Generators.Payload;

/// <summary>Levenshtein distance with an early exit, for "did you mean" suggestions (model ids, parameter names).</summary>
public static class EditDistance
{
    /// <summary>
    /// The edit distance between <paramref name="a"/> and <paramref name="b"/> (ordinal), or a value greater than
    /// <paramref name="limit"/> as soon as it is known to exceed it.
    /// </summary>
    public static int Compute(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
