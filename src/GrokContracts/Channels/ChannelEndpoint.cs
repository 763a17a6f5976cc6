using System;

namespace GrokContracts;

/// <summary>An HTTP method and a path of a channel, as its spec's <c>endpoints:</c> states them.</summary>
public sealed class ChannelEndpoint
{
    private const string IdPlaceholder = "{id}";

    /// <summary>Creates an endpoint.</summary>
    /// <param name="method">HTTP method, e.g. <c>POST</c>.</param>
    /// <param name="path">Absolute path (starts with <c>/</c>), possibly with an <c>{id}</c> placeholder.</param>
    /// <exception cref="ArgumentException">The method is empty or the path does not start with <c>/</c>.</exception>
    public ChannelEndpoint(string method, string path)
    {
        if (string.IsNullOrEmpty(method))
        {
            throw new ArgumentException("An HTTP method is required.", nameof(method));
        }

        if (path is null || !path.StartsWith("/", StringComparison.Ordinal))
        {
            throw new ArgumentException("An endpoint path starts with '/'.", nameof(path));
        }

        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The absolute path, possibly with an <c>{id}</c> placeholder.</summary>
    public string Path { get; }

    /// <summary>Whether the path holds an <c>{id}</c> placeholder for the task id.</summary>
    public bool HasIdPlaceholder => Path.Contains(IdPlaceholder);

    /// <summary>
    /// The path for one task: <c>{id}</c> replaced by <paramref name="taskId"/>, escaped for a URL path segment. A path
    /// without the placeholder is returned as it is.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="taskId"/> is null.</exception>
    public string FormatPath(string taskId)
    {
        if (taskId is null)
        {
            throw new ArgumentNullException(nameof(taskId));
        }

        return HasIdPlaceholder ? Path.Replace(IdPlaceholder, Uri.EscapeDataString(taskId)) : Path;
    }

    /// <summary>The absolute URL of this endpoint under <paramref name="baseUrl"/> (its path is kept as a prefix).</summary>
    /// <param name="baseUrl">The service's base URL, e.g. <c>https://api.example.com/</c> or <c>http://127.0.0.1:5000/prefix/</c>.</param>
    /// <param name="taskId">The task id for a path with <c>{id}</c>, or null.</param>
    public Uri Resolve(Uri baseUrl, string? taskId = null)
    {
        if (baseUrl is null)
        {
            throw new ArgumentNullException(nameof(baseUrl));
        }

        var path = taskId is null ? Path : FormatPath(taskId);
        var root = baseUrl.GetLeftPart(UriPartial.Path);
        return new Uri((root.EndsWith("/", StringComparison.Ordinal) ? root : root + "/") + path.Substring(1), UriKind.Absolute);
    }

    /// <inheritdoc />
    public override string ToString() => Method + " " + Path;
}
