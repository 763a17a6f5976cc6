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
/// A local emulator of reAPI's video endpoints on loopback Kestrel: <c>POST /api/v1/videos/generations</c> and
/// <c>GET /api/v1/tasks/{id}</c> for every loaded spec, validated by the Spec library's <c>ContractRules</c> with the
/// API's codes and messages, plus the MP4 it links to. Start it in-process with <see cref="StartAsync"/>.
/// </summary>
/// <remarks>
/// Where the reference is silent the emulator decides, and says so here: a malformed or non-object JSON body (or
/// one over 1 MiB) is 400 / 20001; a missing <c>model</c> is 400 / 20002 "model is required"; an unknown model is
/// 400 / 20003 "invalid model"; a missing Authorization header is 401 / 10001, a malformed one 401 / 10002, a key
/// other than the pinned one 401 / 10003; an unknown task is 404 / 40400; a failed task carries 50001; injected
/// faults carry status × 100 (e.g. 42900, 50300).
/// </remarks>
public sealed class ReapiEmulator : IAsyncDisposable
{
    /// <summary>The submit path.</summary>
    public const string SubmitPath = "/api/v1/videos/generations";

    /// <summary>The poll path, with its <c>{id}</c> placeholder.</summary>
    public const string PollPath = "/api/v1/tasks/{id}";

    private readonly WebApplication app;
    private readonly EmulatorHandlers handlers;

    private ReapiEmulator(WebApplication app, EmulatorHandlers handlers, Uri baseUrl)
    {
        this.app = app;
        this.handlers = handlers;
        BaseUrl = baseUrl;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:53124/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Faults to inject into the next submits or polls.</summary>
    public EmulatorFaults Faults => handlers.Faults;

    /// <summary>The model ids it serves.</summary>
    public IReadOnlyList<string> Models => handlers.Contracts.ModelIds;

    /// <summary>How many submit requests arrived (whatever their answer).</summary>
    public int SubmitRequestCount => handlers.SubmitRequests;

    /// <summary>How many poll requests arrived (whatever their answer).</summary>
    public int PollRequestCount => handlers.PollRequests;

    /// <summary>The tasks created so far.</summary>
    public IReadOnlyCollection<EmulatedTask> Tasks => handlers.Tasks.Values.ToArray();

    /// <summary>The task with <paramref name="id"/>, or null.</summary>
    public EmulatedTask? FindTask(string id) => handlers.Tasks.TryGetValue(id, out var task) ? task : null;

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
        app.MapPost(SubmitPath, handlers.SubmitAsync);
        app.MapGet(PollPath, handlers.PollAsync);
        app.MapGet(EmulatorHandlers.MediaPath, handlers.MediaAsync);
        app.MapFallback("{*path}", EmulatorHandlers.NotFoundAsync); // every path, file-like ones ("x/0.mp4") included
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.EndsWith('/') ? address : address + "/", UriKind.Absolute);
        handlers.BaseUrl = baseUrl;
        return new ReapiEmulator(app, handlers, baseUrl);
    }

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => "ReapiEmulator(" + BaseUrl + ")";
}
