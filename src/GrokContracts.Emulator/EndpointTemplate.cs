using System;
using System.Text;
using System.Text.RegularExpressions;
using GrokContracts.Spec;

namespace GrokContracts.Emulator;

/// <summary>
/// One spec endpoint (method + path) matched by the emulator itself, not by ASP.NET route templates: every literal
/// character of the spec's path is literal (<c>:</c>, <c>*</c>, <c>{{</c>, <c>?</c> break nothing), and <c>{id}</c>
/// may stand anywhere, for one non-empty run without <c>/</c>, <c>?</c>, <c>&amp;</c> or <c>#</c>. Literal parts
/// compare case-insensitively (as ASP.NET routing does) with the request's decoded path, plus its query string when
/// the spec's path has one (more query parameters may follow); one trailing <c>/</c> is tolerated. A path without <c>{id}</c> takes the id from the
/// <c>id</c> query parameter (for a poll).
/// </summary>
internal sealed class EndpointTemplate
{
    public const string IdPlaceholder = "{id}";
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private readonly Regex _pattern;

    public EndpointTemplate(Endpoint endpoint)
    {
        Method = endpoint.Method;
        Path = endpoint.Path;
        HasQuery = Path.Contains('?', StringComparison.Ordinal);
        HasId = Path.Contains(IdPlaceholder, StringComparison.Ordinal);
        _pattern = new Regex(ToPattern(Path, HasQuery), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
    }

    /// <summary>The spec's HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The spec's path, as written.</summary>
    public string Path { get; }

    /// <summary>Whether the path carries the task id.</summary>
    public bool HasId { get; }

    private bool HasQuery { get; }

    /// <summary>Whether <paramref name="method"/> is this endpoint's.</summary>
    public bool AcceptsMethod(string method) => string.Equals(method, Method, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the request's path (and query, when the spec's path has one) matches; <paramref name="id"/> is what <c>{id}</c> matched.</summary>
    public bool TryMatch(string path, string query, out string? id)
    {
        id = null;
        try
        {
            var match = _pattern.Match(HasQuery ? path + query : path);
            if (!match.Success)
            {
                return false;
            }

            id = match.Groups["id"] is { Success: true } group ? group.Value : null;
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// The absolute path (and query) of this endpoint for <paramref name="taskId"/> (escaped), to resolve against the
    /// emulator's base URL (which has no path). It keeps its leading <c>/</c>, so <c>/v1/models:generate</c> is not
    /// read as a URI scheme.
    /// </summary>
    public string Format(string? taskId)
    {
        if (taskId is null)
        {
            return Path;
        }

        var escaped = Uri.EscapeDataString(taskId);
        return HasId ? Path.Replace(IdPlaceholder, escaped, StringComparison.Ordinal) : Path + (HasQuery ? "&id=" : "?id=") + escaped;
    }

    private static string ToPattern(string path, bool hasQuery)
    {
        var builder = new StringBuilder("^");
        var parts = path.Split(IdPlaceholder);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                // The first {id} captures; a repeated {id} must repeat the same value.
                builder.Append(i == 1 ? "(?<id>[^/?&#]+)" : "\\k<id>");
            }

            builder.Append(Regex.Escape(parts[i]));
        }

        if (hasQuery)
        {
            builder.Append("(&.*)?"); // more query parameters, e.g. the id of a path without {id}
        }
        else if (!path.EndsWith('/'))
        {
            builder.Append("/?");
        }

        return builder.Append('$').ToString();
    }
}
