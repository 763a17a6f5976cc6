using System;
using System.Collections.Generic;
using System.Linq;
using GrokContracts.Spec;

namespace GrokContracts.Emulator;

/// <summary>What a request asks for.</summary>
internal enum RouteKind
{
    NotFound,
    MethodNotAllowed,
    Submit,
    Poll,
    Media,
}

/// <summary>
/// The answer of <see cref="EmulatorRoutes.Match"/>: the kind, the channels whose endpoint matched (submit, poll),
/// the task id (poll, media) and the methods the path takes (method not allowed).
/// </summary>
internal sealed record Route(RouteKind Kind, IReadOnlyList<EmulatedChannel> Channels, string? Id, IReadOnlyList<string> AllowedMethods)
{
    public static readonly Route NotFound = new(RouteKind.NotFound, [], null, []);
}

/// <summary>
/// The emulator's routing table: every loaded spec's submit and poll endpoint, then the emulator's own media path
/// (<c>GET /media/tasks/{id}/0.mp4</c>). Several specs may share an endpoint (reAPI's two channels do): the request
/// goes to all of them and the submit body's <c>model</c> picks one. Submit endpoints are tried before poll endpoints.
/// </summary>
internal sealed class EmulatorRoutes
{
    private static readonly EndpointTemplate Media = new(new Endpoint("GET", "/media/tasks/{id}/0.mp4"));
    private readonly IReadOnlyList<EmulatedChannel> _channels;

    public EmulatorRoutes(IReadOnlyList<EmulatedChannel> channels)
    {
        _channels = channels;
    }

    /// <summary>The media path of a task, to resolve against the base URL.</summary>
    public static string MediaPath(string taskId) => Media.Format(taskId);

    public Route Match(string method, string path, string query)
    {
        var submits = Matching(c => c.Submit, method, path, query, out _);
        if (submits.Count > 0)
        {
            return new Route(RouteKind.Submit, submits, null, []);
        }

        var polls = Matching(c => c.Poll, method, path, query, out var id);
        if (polls.Count > 0)
        {
            return new Route(RouteKind.Poll, polls, id, []);
        }

        if (Media.TryMatch(path, query, out var mediaId))
        {
            return Media.AcceptsMethod(method) ? new Route(RouteKind.Media, [], mediaId, []) : new Route(RouteKind.MethodNotAllowed, [], null, [Media.Method]);
        }

        var allowed = _channels
            .SelectMany(c => new[] { c.Submit, c.Poll })
            .Where(e => e.TryMatch(path, query, out _))
            .Select(e => e.Method)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return allowed.Length > 0 ? new Route(RouteKind.MethodNotAllowed, [], null, allowed) : Route.NotFound;
    }

    private List<EmulatedChannel> Matching(Func<EmulatedChannel, EndpointTemplate> endpoint, string method, string path, string query, out string? id)
    {
        id = null;
        var matched = new List<EmulatedChannel>();
        foreach (var channel in _channels)
        {
            var template = endpoint(channel);
            if (template.AcceptsMethod(method) && template.TryMatch(path, query, out var found))
            {
                matched.Add(channel);
                id ??= found;
            }
        }

        return matched;
    }
}
