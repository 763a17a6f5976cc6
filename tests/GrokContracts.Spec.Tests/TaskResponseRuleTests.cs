namespace GrokContracts.Spec.Tests;

/// <summary>
/// <see cref="ContractRules.IsTaskResponse"/>: an object is a task the API answered with, not a request, when its
/// envelope <c>status</c> (not a parameter of the channel) holds one of the channel's own <c>task.statuses</c> words.
/// </summary>
public sealed class TaskResponseRuleTests
{
    [Theory]
    [InlineData("{\"model\":\"m\",\"id\":\"t\",\"status\":\"completed\"}", true)]
    [InlineData("{\"model\":\"m\",\"status\":\"processing\",\"duration\":99}", true)]
    [InlineData("{\"model\":\"m\",\"status\":\"done\"}", false)] // not one of the official channel's words
    [InlineData("{\"model\":\"m\",\"status\":\"Completed\"}", false)] // words compare ordinally
    [InlineData("{\"model\":\"m\",\"status\":1}", false)]
    [InlineData("{\"model\":\"m\",\"id\":\"t\"}", false)]
    public void The_official_channels_words_mark_a_task(string json, bool expected)
    {
        Assert.True(PayloadJson.TryParse(json, out var value, out _));
        Assert.Equal(expected, ContractRules.IsTaskResponse(SpecFiles.OfficialContract, (PayloadObject)value!));
    }

    [Fact]
    public void Each_channel_has_its_own_words_and_a_status_parameter_is_a_parameter()
    {
        var head = "model: run-1\nsummary: Run.\nendpoints:\n  baseUrl: https://run.test\n  submit: { method: POST, path: /jobs }\n  poll: { method: GET, path: \"/jobs/{id}\" }\n";
        var queued = SpecFiles.Parse(head + "parameters:\n  text: { type: string }\ntask:\n  statuses: { queued: pending, done: succeeded, error: failed }\n");
        var withStatus = SpecFiles.Parse(head + "parameters:\n  status: { type: string }\ntask:\n  statuses: { queued: pending, done: succeeded, error: failed }\n");
        Assert.True(PayloadJson.TryParse("{\"model\":\"run-1\",\"status\":\"done\"}", out var done, out _));
        Assert.True(PayloadJson.TryParse("{\"model\":\"run-1\",\"status\":\"completed\"}", out var completed, out _));

        Assert.True(ContractRules.IsTaskResponse(queued, (PayloadObject)done!));
        Assert.False(ContractRules.IsTaskResponse(queued, (PayloadObject)completed!)); // reAPI's word, not this channel's
        Assert.False(ContractRules.IsTaskResponse(withStatus, (PayloadObject)done!)); // "status" is a parameter here
    }
}
