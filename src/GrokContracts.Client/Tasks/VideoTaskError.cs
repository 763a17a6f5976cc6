namespace GrokContracts;

/// <summary>The <c>error</c> object of a failed task: <c>{ code, message }</c>.</summary>
public sealed class VideoTaskError
{
    /// <summary>Creates a task error.</summary>
    /// <param name="code">The API's five-digit code (0 when the server sent none or a non-numeric one).</param>
    /// <param name="message">The API's message (empty when the server sent none).</param>
    public VideoTaskError(int code, string message)
    {
        Code = code;
        Message = message ?? string.Empty;
    }

    /// <summary>The API's code; pattern-match on this, not on <see cref="Message"/>.</summary>
    public int Code { get; }

    /// <summary>The API's message (illustrative, not a stable contract).</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Code.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Message;
}
