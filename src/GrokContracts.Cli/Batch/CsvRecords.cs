using System.Collections.Generic;
using System.Text;

namespace GrokContracts.Cli.Batch;

/// <summary>One CSV record: its fields and the line it starts on.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// RFC 4180 records: fields separated by commas, optionally in double quotes (a quoted field may hold commas, newlines
/// and <c>""</c> for a quote); CRLF or LF line ends. A quote left open is an error naming its line.
/// </summary>
internal static class CsvRecords
{
    public static IReadOnlyList<CsvRecord> Parse(string text, string where)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var quoteLine = 0;
        var fieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when fieldStart:
                    quoted = true;
                    quoteLine = line;
                    fieldStart = false;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStart = true;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    fields.Add(field.ToString());
                    field.Clear();
                    Add(records, recordLine, fields);
                    fields = [];
                    fieldStart = true;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStart = false;
                    break;
            }
        }

        if (quoted)
        {
            throw new CliUsageException($"{where}: line {quoteLine}: a quoted field is never closed");
        }

        fields.Add(field.ToString());
        Add(records, recordLine, fields);
        return records;
    }

    private static void Add(List<CsvRecord> records, int line, List<string> fields)
    {
        // Blank lines are not records.
        if (fields.Count == 1 && fields[0].Trim().Length == 0)
        {
            return;
        }

        records.Add(new CsvRecord(line, fields));
    }
}
