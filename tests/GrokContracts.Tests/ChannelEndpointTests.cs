using System;

namespace GrokContracts.Tests;

/// <summary>How a spec's endpoint becomes a URL: one rule, shared with the emulator's routing.</summary>
public sealed class ChannelEndpointTests
{
    [Theory]
    [InlineData("/api/v1/tasks/{id}", "task 1/x", "/api/v1/tasks/task%201%2Fx")]
    [InlineData("/jobs/{id}/state", "job_1", "/jobs/job_1/state")]
    [InlineData("/status", "job_1", "/status?id=job_1")]
    [InlineData("/status?v=2", "job 1", "/status?v=2&id=job%201")]
    public void A_task_id_goes_into_the_placeholder_or_the_id_query_parameter(string path, string id, string expected) =>
        Assert.Equal(expected, new ChannelEndpoint("GET", path).FormatPath(id));

    [Theory]
    [InlineData("https://api.example.com", "/jobs", "https://api.example.com/jobs")]
    [InlineData("https://api.example.com/v1", "/jobs", "https://api.example.com/v1/jobs")]
    [InlineData("https://api.example.com/v1/", "/jobs?x=1", "https://api.example.com/v1/jobs?x=1")]
    [InlineData("http://127.0.0.1:5000/prefix?ignored=1", "/jobs", "http://127.0.0.1:5000/prefix/jobs")]
    public void The_base_URLs_path_is_a_prefix_and_its_query_is_dropped(string baseUrl, string path, string expected) =>
        Assert.Equal(expected, new ChannelEndpoint("POST", path).Resolve(new Uri(baseUrl)).ToString());

    [Fact]
    public void Bad_endpoints_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ChannelEndpoint("", "/x"));
        Assert.Throws<ArgumentException>(() => new ChannelEndpoint("GET", "x"));
        Assert.Throws<ArgumentNullException>(() => new ChannelEndpoint("GET", "/x").FormatPath(null!));
    }
}
