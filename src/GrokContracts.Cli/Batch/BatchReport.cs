using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace GrokContracts.Cli.Batch;

/// <summary>The <c>--report</c> file: the run's totals and every line of the input (invalid ones with their problems), as JSON.</summary>
internal static class BatchReport
{
    public static void Write(string path, string input, string outputDirectory, string journalPath, IReadOnlyList<JobLine> jobs, BatchResult result)
    {
        var byLine = result.Lines.ToDictionary(l => l.Line);
        var partial = path + ".part";
        using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("input", input);
            writer.WriteString("outDir", outputDirectory);
            writer.WriteString("journal", journalPath);
            writer.WriteNumber("lines", jobs.Count);
            writer.WriteNumber("invalid", jobs.Count(j => !j.IsValid));
            foreach (var state in Enum.GetValues<BatchLineState>())
            {
                writer.WriteNumber(BatchProgressView.Word(state), result.Counts[state]);
            }

            writer.WriteNumber("creditsAccepted", result.Counts.CreditsAccepted);
            writer.WriteNumber("creditsRefunded", result.Counts.CreditsRefunded);
            writer.WriteNumber("creditsSpent", result.Counts.CreditsSpent);
            writer.WriteBoolean("allDownloaded", result.AllDownloaded && jobs.All(j => j.IsValid));
            writer.WriteBoolean("cancelled", result.Cancelled);
            if (result.StopReason is not null)
            {
                writer.WriteString("stopReason", result.StopReason);
            }

            writer.WriteNumber("elapsedSeconds", Math.Round(result.Elapsed.TotalSeconds, 3));
            writer.WriteStartArray("items");
            foreach (var job in jobs)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", job.Line);
                if (job.Model is not null)
                {
                    writer.WriteString("model", job.Model);
                }

                if (!job.IsValid || !byLine.TryGetValue(job.Line, out var entry))
                {
                    writer.WriteString("state", "invalid");
                    writer.WriteStartArray("problems");
                    foreach (var problem in job.Problems)
                    {
                        writer.WriteStartObject();
                        if (problem.Code is { } code)
                        {
                            writer.WriteNumber("code", code);
                        }

                        writer.WriteString("message", problem.Message);
                        if (problem.Path is not null)
                        {
                            writer.WriteString("path", problem.Path);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    writer.WriteString("key", entry.Key);
                    writer.WriteString("state", BatchProgressView.Word(entry.State));
                    WriteOptional(writer, "taskId", entry.TaskId);
                    WriteOptional(writer, "path", entry.Path);
                    if (entry.Size is { } size)
                    {
                        writer.WriteNumber("size", size);
                    }

                    WriteOptional(writer, "sha256", entry.Sha256);
                    if (entry.Credits is { } credits)
                    {
                        writer.WriteNumber("credits", credits);
                    }

                    if (entry.ErrorCode is { } errorCode)
                    {
                        writer.WriteNumber("errorCode", errorCode);
                    }

                    WriteOptional(writer, "errorMessage", entry.ErrorMessage);
                    writer.WriteNumber("submitAttempts", entry.SubmitAttempts);
                    WriteOptional(writer, "note", entry.Note);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        File.Move(partial, path, overwrite: true);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
