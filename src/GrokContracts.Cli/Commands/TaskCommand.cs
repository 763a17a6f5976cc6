using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Cli.Specs;
using GrokContracts.Cli.Submit;

namespace GrokContracts.Cli.Commands;

/// <summary>
/// <c>task &lt;id&gt;</c>: the way back to a task submitted earlier (after <c>submit</c> without <c>--wait</c>, Ctrl+C or a
/// crash). Polls it once at its channel's poll endpoint and prints its status; with <c>--wait</c> / <c>--out</c> waits on
/// the channel's schedule and downloads the MP4. Never submits anything.
/// </summary>
internal static class TaskCommand
{
    public static Command Create(CliContext context)
    {
        var session = new SessionOptions();
        var id = new Argument<string>("id") { Description = "The task id that submit printed.", HelpName = "id" };
        var command = new Command("task", "Show a task submitted earlier, or wait for it and download the video (submits nothing).")
        {
            id,
        };
        session.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, session, parseResult, parseResult.GetRequiredValue(id), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, SessionOptions session, ParseResult parseResult, string id, CancellationToken cancellationToken)
    {
        if (!VideoTask.IsValidId(id))
        {
            throw new CliUsageException($"task id: '{id}' is not 1-128 characters of A-Z, a-z, 0-9, '_' or '-'");
        }

        var (_, contract) = session.Resolve(parseResult, context.Environment);
        var channel = SpecChannels.ToDescriptor(contract);
        var outText = parseResult.GetValue(session.Out);
        var outPath = outText is null ? null : TaskSession.CheckOutputPath(outText);
        using var client = session.CreateClient(context, parseResult, channel);

        VideoTask task;
        try
        {
            task = await client.GetTaskAsync(channel, id, cancellationToken).ConfigureAwait(false);
        }
        catch (ReapiException ex)
        {
            await context.Error.WriteLineAsync($"{CliApp.Name}: task {id} could not be read: {CliApp.OneLine(ex.Message)}{TaskSession.RequestId(ex)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await context.Out.WriteLineAsync("id: " + task.Id).ConfigureAwait(false);
        if (!parseResult.GetValue(session.Wait) && outPath is null)
        {
            await context.Out.WriteLineAsync("status: " + task.Status).ConfigureAwait(false);
            if (task.StatusKind == VideoTaskStatus.Failed)
            {
                await context.Error.WriteLineAsync($"task {task.Id} failed: {task.Error?.Code} {task.Error?.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            foreach (var url in task.Output?.VideoUrls ?? [])
            {
                await context.Out.WriteLineAsync("video_url: " + url).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }

        return await TaskSession.WaitAndFinishAsync(context, client, task, outPath, outText, cancellationToken).ConfigureAwait(false);
    }
}
