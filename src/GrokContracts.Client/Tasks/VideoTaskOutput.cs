using System.Collections.Generic;
using System.Text.Json;

namespace GrokContracts;

/// <summary>
/// The <c>output</c> object of a completed task. <see cref="VideoUrls"/> hold the MP4 URL(s), valid for 7 days;
/// fields this version does not know (some models add e.g. <c>last_frame_url</c>) are kept in
/// <see cref="AdditionalFields"/>.
/// </summary>
public sealed class VideoTaskOutput
{
    /// <summary>Creates an output.</summary>
    public VideoTaskOutput(IReadOnlyList<string> videoUrls, IReadOnlyDictionary<string, JsonElement> additionalFields)
    {
        VideoUrls = videoUrls;
        AdditionalFields = additionalFields;
    }

    /// <summary>The MP4 URL(s) of the video (with audio where the channel has it). Download them within 7 days.</summary>
    public IReadOnlyList<string> VideoUrls { get; }

    /// <summary>Every other field of <c>output</c>, by wire name (detached copies, safe to keep).</summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalFields { get; }
}
