using System;

namespace GrokContracts.Emulator;

/// <summary>
/// Everything the emulator answers that no loaded spec decides: its own error codes, the status words it falls back
/// to, and the shape of the video when a spec does not say. These are <b>defaults</b>, taken from the reAPI reference
/// where it speaks (the 1xxxx/2xxxx categories, the envelope) and chosen by the emulator where it is silent. A spec
/// that declares the matching rule wins: e.g. its <c>errors.missing</c> code answers a missing <c>model</c>.
/// </summary>
public static class EmulatorDefaults
{
    /// <summary>400: the body is not JSON, not a JSON object, or over 1 MiB.</summary>
    public const int MalformedBodyCode = 20001;

    /// <summary>400: <c>model</c> is missing and the path's first spec has no <c>errors.missing</c> code.</summary>
    public const int MissingModelCode = 20002;

    /// <summary>
    /// 400: <c>model</c> is not a string, or names no spec served at this path (an unknown model, or one served at
    /// other endpoints), and the path's first spec has no <c>errors.type</c> / <c>errors.allowed</c> code.
    /// </summary>
    public const int InvalidModelCode = 20003;

    /// <summary>401: no <c>Authorization</c> header.</summary>
    public const int MissingKeyCode = 10001;

    /// <summary>401: an <c>Authorization</c> header that is not <c>Bearer &lt;token&gt;</c>.</summary>
    public const int MalformedKeyCode = 10002;

    /// <summary>401: a token other than <see cref="ReapiEmulatorOptions.ApiKey"/>.</summary>
    public const int WrongKeyCode = 10003;

    /// <summary>404: an unknown path, an unknown task, or a task polled at another channel's poll path.</summary>
    public const int NotFoundCode = 40400;

    /// <summary>405 (with <c>Allow</c>): a known path with a method no loaded spec uses there.</summary>
    public const int MethodNotAllowedCode = 40500;

    /// <summary>The <c>error.code</c> of a failed task.</summary>
    public const int FailedTaskCode = 50001;

    /// <summary>
    /// The word a task reports while pending when its spec lists no <c>pending</c> status: the outcome's own name, as
    /// the spec parser's default words for a spec without <c>task:</c>.
    /// </summary>
    public const string PendingStatus = "pending";

    /// <summary>The word of a done task when its spec lists no <c>succeeded</c> status (the outcome's own name).</summary>
    public const string SucceededStatus = "succeeded";

    /// <summary>The word of a failed task when its spec lists no <c>failed</c> status (the outcome's own name).</summary>
    public const string FailedStatus = "failed";

    /// <summary>The video's width when the spec's <c>output.pixelSize</c> has no entry for the request.</summary>
    public const int VideoWidth = 640;

    /// <summary>The video's height when the spec's <c>output.pixelSize</c> has no entry for the request.</summary>
    public const int VideoHeight = 360;

    /// <summary>The video's length when the spec has no duration parameter, or the request and the spec give no value.</summary>
    public static TimeSpan VideoDuration { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The error code of an injected fault with HTTP status <paramref name="statusCode"/>: status × 100 (42900, 50300).</summary>
    public static int FaultCode(int statusCode) => statusCode * 100;
}
