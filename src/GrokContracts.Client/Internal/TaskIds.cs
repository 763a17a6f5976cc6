using System;

namespace GrokContracts.Internal;

/// <summary>Task ids go into a URL path: only <c>^[A-Za-z0-9_-]{1,128}$</c> is accepted, and it is escaped anyway.</summary>
internal static class TaskIds
{
    public const int MaxLength = 128;

    public static bool IsValid(string? id)
    {
        if (id is null || id.Length == 0 || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public static void EnsureValid(string? id, string paramName)
    {
        if (!IsValid(id))
        {
            throw new ArgumentException("A task id must be 1-128 characters of A-Z, a-z, 0-9, '_' or '-'; nothing was sent.", paramName);
        }
    }
}
