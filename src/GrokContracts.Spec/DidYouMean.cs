using System;
using System.Collections.Generic;

namespace GrokContracts.Spec;

/// <summary>
/// The one "did you mean" of GrokContracts (model ids, parameter names; the generator's analyzers, the CLI and the
/// emulator): the candidate closest to a misspelled name by edit distance, ignoring case, when the match is good.
/// </summary>
public static class DidYouMean
{
    /// <summary>Most edits a suggestion may be away from the input, however long the name.</summary>
    public const int MaxEdits = 2;

    /// <summary>
    /// How many edits make <paramref name="candidate"/> still a likely typo: fewer than half its length and at most
    /// <see cref="MaxEdits"/> (<c>mode</c>: 1, <c>prompt</c>, <c>duration</c> or a model id: 2), so a short name is
    /// never "corrected" into an unrelated one.
    /// </summary>
    public static int MaxEditsFor(string candidate) =>
        Math.Min(MaxEdits, ((candidate ?? throw new ArgumentNullException(nameof(candidate))).Length - 1) / 2);

    /// <summary>
    /// The candidate closest to <paramref name="input"/> (case-insensitive edit distance within
    /// <see cref="MaxEditsFor"/>), the first of equally close ones; null when none is close, when the input is empty,
    /// or when it is itself a candidate (ordinal).
    /// </summary>
    /// <param name="input">The name as written.</param>
    /// <param name="candidates">The names that exist.</param>
    /// <param name="skip">Candidates not to suggest (e.g. a parameter the payload already sets), or null.</param>
    public static string? Closest(string input, IEnumerable<string> candidates, Func<string, bool>? skip = null)
    {
        if (string.IsNullOrEmpty(input) || candidates is null)
        {
            return null;
        }

        var lowered = input.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, input, StringComparison.Ordinal))
            {
                return null;
            }

            var limit = MaxEditsFor(candidate);
            if (limit < 0 || (skip is not null && skip(candidate)))
            {
                continue;
            }

            var distance = Distance(lowered, candidate.ToLowerInvariant(), limit);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// Levenshtein distance (insert, delete, substitute; ordinal) between <paramref name="left"/> and
    /// <paramref name="right"/>, or <paramref name="limit"/> + 1 as soon as it is known to exceed
    /// <paramref name="limit"/>. O(n·m) time, O(m) space.
    /// </summary>
    public static int Distance(string left, string right, int limit = int.MaxValue - 1)
    {
        if (left is null)
        {
            throw new ArgumentNullException(nameof(left));
        }

        if (right is null)
        {
            throw new ArgumentNullException(nameof(right));
        }

        if (Math.Abs(left.Length - right.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[right.Length + 1];
        var current = new int[right.Length + 1];
        for (var j = 0; j <= right.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= left.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var cost = left[i - 1] == right[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[right.Length];
    }
}
