using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrokContracts.Emulator;

/// <summary>
/// A local emulator of the video endpoints of every loaded spec, on loopback Kestrel: each spec's own submit and poll
/// endpoint (<c>endpoints:</c>, method and path, relative to <see cref="BaseUrl"/>), its own status words
/// (<c>task.statuses:</c>), its validation, codes and messages (the Spec library's <c>ContractRules</c>), and an MP4 of
/// the size, length and audio asked for. Start it in-process with <see cref="StartAsync"/>; find a channel's URLs with
/// <see cref="SubmitUri"/> and <see cref="PollUri"/>.
/// </summary>
/// <remarks>
/// Specs may share an endpoint, as reAPI's two channels do: the submit body's <c>model</c> picks the spec, and a model
/// served at other endpoints is answered like an unknown one. A task polled at another channel's poll endpoint is a
/// 404. Where neither the reference nor a spec decides, the emulator answers with <see cref="EmulatorDefaults"/>.
/// </remarks>
public sealed class ReapiEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorHandlers _handlers;

    private ReapiEmulator(WebApplication app, EmulatorHandlers handlers, Uri baseUrl)
    {
        _app = app;
        _handlers = handlers;
        BaseUrl = baseUrl;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:53124/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Faults to inject into the next submits or polls.</summary>
    public EmulatorFaults Faults => _handlers.Faults;

    /// <summary>The model ids it serves.</summary>
    public IReadOnlyList<string> Models => _handlers.Contracts.ModelIds;

    /// <summary>How many submit requests arrived (whatever their answer).</summary>
    public int SubmitRequestCount => _handlers.SubmitRequests;

    /// <summary>How many poll requests arrived (whatever their answer).</summary>
    public int PollRequestCount => _handlers.PollRequests;

    /// <summary>The tasks created so far.</summary>
    public IReadOnlyCollection<EmulatedTask> Tasks => _handlers.Tasks.Values.ToArray();

    /// <summary>The absolute submit URL of <paramref name="modelId"/>'s channel: its spec's submit path on <see cref="BaseUrl"/>.</summary>
    /// <exception cref="ArgumentException">The emulator serves no such model.</exception>
    public Uri SubmitUri(string modelId) => new(BaseUrl, Channel(modelId).Submit.Format(null));

    /// <summary>
    /// The absolute poll URL of task <paramref name="taskId"/> on <paramref name="modelId"/>'s channel: its spec's poll
    /// path on <see cref="BaseUrl"/> with <c>{id}</c> replaced by the escaped id (a path without <c>{id}</c> gets
    /// <c>id=</c> in the query).
    /// </summary>
    /// <exception cref="ArgumentException">The emulator serves no such model.</exception>
    public Uri PollUri(string modelId, string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return new(BaseUrl, Channel(modelId).Poll.Format(taskId));
    }

    /// <summary>The task with <paramref name="id"/>, or null.</summary>
    public EmulatedTask? FindTask(string id) => _handlers.Tasks.TryGetValue(id, out var task) ? task : null;

    /// <summary>Starts an emulator on <c>127.0.0.1</c> (port 0 = any free port) and returns once it listens.</summary>
    /// <exception cref="InvalidOperationException">A spec has errors.</exception>
    public static async Task<ReapiEmulator> StartAsync(ReapiEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ReapiEmulatorOptions();
        var contracts = EmulatorContracts.Load(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ReapiEmulator).Assembly.GetName().Name,
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        // Only the options configure the emulator: no appsettings.json or Kestrel section of the host app may add endpoints.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
        });

        var app = builder.Build();
        var handlers = new EmulatorHandlers(options, contracts);
        // The emulator matches the specs' paths itself: no ASP.NET route template sees them (see EndpointTemplate).
        app.Run(handlers.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.EndsWith('/') ? address : address + "/", UriKind.Absolute);
        handlers.BaseUrl = baseUrl;
        return new ReapiEmulator(app, handlers, baseUrl);
    }

    private EmulatedChannel Channel(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        return _handlers.Contracts.Find(modelId) ?? throw new ArgumentException("the emulator serves no model '" + modelId + "'", nameof(modelId));
    }

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => "ReapiEmulator(" + BaseUrl + ")";
}
