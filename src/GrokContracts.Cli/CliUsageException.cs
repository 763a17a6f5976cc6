using System;

namespace GrokContracts.Cli;

/// <summary>
/// A user error (bad argument, unreadable file, missing configuration): <see cref="CliApp"/> prints its message as one
/// line on stderr and exits with <see cref="ExitCodes.Usage"/>, never with a stack trace.
/// </summary>
public sealed class CliUsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliUsageException()
    {
    }

    /// <summary>Creates the exception with the one-line message shown to the user.</summary>
    public CliUsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the one-line message shown to the user and its cause.</summary>
    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
