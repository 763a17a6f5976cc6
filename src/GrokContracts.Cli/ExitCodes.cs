namespace GrokContracts.Cli;

/// <summary>The exit codes of every command.</summary>
public static class ExitCodes
{
    /// <summary>Done: the payload is valid, the spec is clean, nothing breaks, the video is there.</summary>
    public const int Success = 0;

    /// <summary>The answer is no: a contract violation, spec errors, a breaking change, an API error or a failed task.</summary>
    public const int Failure = 1;

    /// <summary>The command could not run: bad arguments, unreadable input or configuration.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl+C) while waiting; the remote task goes on.</summary>
    public const int Interrupted = 130;
}
