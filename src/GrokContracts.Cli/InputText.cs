using System;
using System.IO;
using System.Security;
using System.Text;

namespace GrokContracts.Cli;

/// <summary>Reads a file (or stdin for <c>-</c>) as text, turning every way it can fail into a one-line <see cref="CliUsageException"/>.</summary>
internal static class InputText
{
    /// <summary>The conventional name of standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>Reads <paramref name="path"/> (or stdin for <c>-</c>), at most <paramref name="maxChars"/> characters.</summary>
    /// <param name="path">A file path or <c>-</c>.</param>
    /// <param name="maxChars">Longest text accepted; longer input is an error, read no further.</param>
    /// <param name="environment">Where stdin comes from.</param>
    public static string Read(string path, int maxChars, CliEnvironment environment)
    {
        if (path == StandardInput)
        {
            return ReadBounded(environment.OpenStandardInput(), maxChars, "standard input");
        }

        try
        {
            if (Directory.Exists(path))
            {
                throw new CliUsageException($"cannot read '{path}': it is a directory");
            }

            if (!File.Exists(path))
            {
                throw new CliUsageException($"cannot read '{path}': no such file");
            }

            // UTF-8 (with or without BOM) is at most 4 bytes a character: anything larger cannot fit, so say so without reading it.
            if (new FileInfo(path).Length > 4L * maxChars)
            {
                throw new CliUsageException($"cannot read '{path}': larger than {maxChars / 1024} KiB");
            }

            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return ReadBounded(reader, maxChars, "'" + path + "'");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SecurityException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"cannot read '{path}': {CliApp.OneLine(ex.Message)}", ex);
        }
    }

    private static string ReadBounded(TextReader reader, int maxChars, string what)
    {
        var buffer = new char[maxChars + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = reader.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        if (length > maxChars)
        {
            throw new CliUsageException($"cannot read {what}: longer than {maxChars / 1024} KiB");
        }

        return new string(buffer, 0, length);
    }
}
