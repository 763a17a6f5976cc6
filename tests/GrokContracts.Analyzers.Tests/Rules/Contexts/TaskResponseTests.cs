using System.Threading.Tasks;
using GrokContracts.Analyzers.Tests.Infrastructure;
using static GrokContracts.Analyzers.Tests.Infrastructure.PayloadSource;

namespace GrokContracts.Analyzers.Tests.Rules.Contexts;

/// <summary>
/// A task the API answers with (a test's fake server, a recorded response) names the model too, but it is not a
/// request: an object whose undeclared <c>status</c> holds one of the channel's <c>task.statuses</c> words is not judged.
/// A <c>status</c> that is not such a word is an ordinary unknown parameter.
/// </summary>
public sealed class TaskResponseTests
{
    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task A_completed_task_with_response_fields_is_not_a_request(PayloadContext context) =>
        Verify.Analyzer(Official(context, ("id", "\"task_1\""), ("status", "\"completed\""), ("duration", "20"), ("created_at", "1735000000")));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task Each_of_the_channels_words_marks_a_task(PayloadContext context) =>
        Verify.Analyzer(Beta(context, ("status", "\"processing\""), ("aspect_ratio", "\"4:3\"")));

    [Theory]
    [MemberData(nameof(AllContexts), MemberType = typeof(PayloadSource))]
    public Task A_status_that_is_not_a_task_word_is_an_unknown_parameter(PayloadContext context) =>
        Verify.Analyzer(
            Official(context, ("#0:status", "\"done\""), ("duration", "{|#1:20|}")),
            Verify.Diagnostic("GRK007").WithLocation(0),
            Verify.Diagnostic("GRK001").WithLocation(1));
}
