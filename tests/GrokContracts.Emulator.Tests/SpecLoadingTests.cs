using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;

namespace GrokContracts.Emulator.Tests;

/// <summary>The emulator serves every loaded spec: shipped ones, and a project's own by path.</summary>
public sealed class SpecLoadingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grok-emulator-" + Guid.NewGuid().ToString("N"));

    public SpecLoadingTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_spec_by_path_adds_a_channel_with_its_own_rules()
    {
        var official = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "specs", "grok-imagine-video-1.5-official.yaml"));
        var path = Path.Combine(_directory, "short.yaml");
        await File.WriteAllTextAsync(path, official
            .Replace("model: grok-imagine-video-1.5-official", "model: my-short-channel", StringComparison.Ordinal)
            .Replace("maximum: 15", "maximum: 5", StringComparison.Ordinal)
            .Replace("default: 8", "default: 4", StringComparison.Ordinal));
        var options = new ReapiEmulatorOptions { IncludeShippedSpecs = false };
        options.SpecPaths.Add(path);
        await using var emulator = await ReapiEmulator.StartAsync(options);
        using var http = new EmulatorHttp(emulator);

        Assert.Equal(["my-short-channel"], emulator.Models);
        var tooLong = await http.PostAsync("{\"model\":\"my-short-channel\",\"prompt\":\"p\",\"image_urls\":[\"https://e.example/a.png\"],\"duration\":6}");
        EmulatorHttp.AssertError(HttpStatusCode.BadRequest, 20003, tooLong, "duration must be 3-5 seconds");
        var shipped = await http.PostAsync("{\"model\":\"grok-imagine-video-1.5-official\",\"prompt\":\"p\",\"image_urls\":[\"https://e.example/a.png\"]}");
        EmulatorHttp.AssertError(HttpStatusCode.BadRequest, 20003, shipped, "invalid model (allowed: my-short-channel)");
    }

    [Fact]
    public async Task A_broken_spec_stops_the_start_with_its_diagnostics()
    {
        var path = Path.Combine(_directory, "broken.yaml");
        await File.WriteAllTextAsync(path, "specVersion: 1\nmodel: broken\nparameters: [\n");
        var options = new ReapiEmulatorOptions();
        options.SpecPaths.Add(path);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ReapiEmulator.StartAsync(options));
        Assert.Contains("GRK1", ex.Message);
    }
}
