using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace GrokContracts.Cli.Tests;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_prints_its_loopback_URL_serves_the_API_and_stops_on_cancellation()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var syncOut = TextWriter.Synchronized(stdout);
        using var syncErr = TextWriter.Synchronized(stderr);
        using var stop = new CancellationTokenSource(Cli.Timeout);
        var serving = CliApp.RunAsync(["serve", "--port", "0", "--delay", "0.1", "--api-key", "pinned"], syncOut, syncErr, new CliEnvironment(), stop.Token);

        var url = await WaitForFirstLineAsync(syncOut, stdout, serving);
        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var unknownTask = new HttpRequestMessage(HttpMethod.Get, url + "/api/v1/tasks/task_unknown");
        unknownTask.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "pinned");
        using var notFound = await http.SendAsync(unknownTask);
        using var unauthorized = await http.GetAsync(new Uri(url + "/api/v1/tasks/task_unknown"));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);

        await stop.CancelAsync();
        Assert.Equal(0, await serving.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("Emulator stopped.", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_serve_arguments_exit_2()
    {
        var port = await Cli.RunAsync("serve", "--port", "70000");
        var delay = await Cli.RunAsync("serve", "--delay", "-1");

        Assert.Equal((2, 2), (port.ExitCode, delay.ExitCode));
        Assert.Contains("--port must be an integer 0-65535", Assert.Single(port.ErrorLines), StringComparison.Ordinal);
        Assert.Single(delay.ErrorLines);
    }

    /// <summary>The first line <c>serve</c> prints: its base URL (shared with the spec-driven CLI tests).</summary>
    internal static async Task<string> WaitForFirstLineAsync(TextWriter sync, StringWriter writer, Task<int> serving)
    {
        for (var i = 0; i < 200; i++)
        {
            string text;
            lock (sync)
            {
                text = writer.ToString();
            }

            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            if (newline > 0)
            {
                return text[..newline].Trim();
            }

            Assert.False(serving.IsCompleted, "serve ended early with exit code " + (serving.IsCompleted ? serving.Result : -1));
            await Task.Delay(50);
        }

        throw new TimeoutException("serve printed no URL within 10 s");
    }
}
