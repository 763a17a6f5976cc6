namespace GrokContracts.Cli.Submit;

/// <summary>The request parameters given to <c>submit</c>, as typed on the command line (wire values as strings).</summary>
/// <param name="Prompt">The prompt, or null when not given.</param>
/// <param name="Images">The reference image URLs (the contracts allow exactly one; more are a violation, not a usage error).</param>
/// <param name="AspectRatio">Wire value of <c>aspect_ratio</c>, or null for the channel's default.</param>
/// <param name="Resolution">Wire value of <c>resolution</c>, or null for the channel's default.</param>
/// <param name="Duration">Seconds, or null for the channel's default.</param>
/// <param name="NoAudio">Ask for a silent video (<c>audio: false</c>).</param>
/// <param name="NsfwChecker">Value of <c>nsfw_checker</c>, or null to leave it out.</param>
internal sealed record SubmitArguments(
    string? Prompt,
    string[] Images,
    string? AspectRatio,
    string? Resolution,
    int? Duration,
    bool NoAudio,
    bool? NsfwChecker);
