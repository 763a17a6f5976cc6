using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using GrokContracts.Cli.Specs;
using GrokContracts.Cli.Submit;

namespace GrokContracts.Cli.Commands;

/// <summary>
/// <c>submit</c>: builds a request body for any loaded contract (<c>--model</c>, <c>--spec</c>) from <c>--set
/// name=value</c> and the parameter flags derived from the spec (<see cref="ParameterValues"/>), validates it with the
/// rule engine (the API's envelope on stdout and exit 1 when invalid; nothing is sent), submits it once to the channel's
/// submit endpoint, and with <c>--wait</c> / <c>--out</c> polls on the channel's schedule and downloads the MP4. Results
/// go to stdout as <c>key: value</c> lines.
/// </summary>
internal static class SubmitCommand
{
    public static Command Create(CliContext context)
    {
        var session = new SessionOptions();
        var set = new Option<string[]>("--set")
        {
            Description = "A parameter by wire name, typed by the spec: --set duration=8. Repeat it for each parameter, and for each item of an array.",
            HelpName = "name=value",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command(
            "submit",
            "Build a request for any loaded contract, validate it, submit it and optionally wait for and download the video. "
            + "Every parameter of the chosen spec is also a flag: --prompt, --duration 8, --aspect-ratio 16:9, --no-audio, --image URL (for image_urls).")
        {
            set,
        };
        session.AddTo(command);
        command.TreatUnmatchedTokensAsErrors = false; // The parameter flags depend on the spec, known only after parsing.
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, session, parseResult, parseResult.GetValue(set) ?? [], cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, SessionOptions session, ParseResult parseResult, IReadOnlyList<string> assignments, CancellationToken cancellationToken)
    {
        var (_, contract) = session.Resolve(parseResult, context.Environment);
        var values = new ParameterValues(contract);
        values.ReadFlags(parseResult.UnmatchedTokens);
        foreach (var assignment in assignments)
        {
            values.Set(assignment);
        }

        var json = values.ToJson();
        var channel = SpecChannels.ToDescriptor(contract);
        if (!Spec.PayloadJson.TryParse(System.Text.Encoding.UTF8.GetString(json), out var parsed, out _) || parsed is not Spec.PayloadObject body)
        {
            throw new CliUsageException("the request body could not be built"); // Unreachable: ParameterValues writes valid JSON.
        }

        var request = new SpecRequest(contract, channel, json, body);
        var violations = request.Check();
        foreach (var advisory in violations)
        {
            if (!advisory.IsRejected)
            {
                await context.Error.WriteLineAsync($"warning: {advisory.Path}: {advisory.Message} (the API does not reject it)").ConfigureAwait(false);
            }
        }

        foreach (var first in violations)
        {
            if (first.IsRejected)
            {
                await context.Out.WriteLineAsync(ErrorEnvelope.Format(first.Code!.Value, first.Message)).ConfigureAwait(false);
                await context.Error.WriteLineAsync($"rejected before sending: {first.Path}: {first.Code} {first.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        }

        // Everything that can be checked locally is checked before the submit: every accepted submit bills.
        var outText = parseResult.GetValue(session.Out);
        var outPath = outText is null ? null : TaskSession.CheckOutputPath(outText);
        using var client = session.CreateClient(context, parseResult, channel);

        VideoTask task;
        try
        {
            task = await client.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ReapiValidationException ex)
        {
            await context.Out.WriteLineAsync(ErrorEnvelope.Format(ex.Code ?? 0, ex.Message)).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"rejected by the API: {CliApp.OneLine(ex.Message)}{TaskSession.RequestId(ex)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (ReapiException ex)
        {
            await context.Error.WriteLineAsync($"{CliApp.Name}: submit failed: {CliApp.OneLine(ex.Message)}{TaskSession.RequestId(ex)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await context.Out.WriteLineAsync("id: " + task.Id).ConfigureAwait(false);
        await context.Error.WriteLineAsync($"submitted {contract.ModelId} task {task.Id} ({task.Status})").ConfigureAwait(false);
        if (!parseResult.GetValue(session.Wait) && outPath is null)
        {
            await context.Out.WriteLineAsync("status: " + task.Status).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        return await TaskSession.WaitAndFinishAsync(context, client, task, outPath, outText, cancellationToken).ConfigureAwait(false);
    }
}
