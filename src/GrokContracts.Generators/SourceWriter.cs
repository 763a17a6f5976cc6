using System;
using System.Text;

namespace GrokContracts.Generators;

/// <summary>
/// A tiny indenting writer for generated C#: four spaces per level, <c>\n</c> line endings whatever the
/// platform, no trailing whitespace.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new(8 * 1024);
    private int _indent;

    /// <summary>Writes one line at the current indentation (an empty line has no indentation).</summary>
    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>
    /// Writes a multi-line block (typically a raw string literal), indenting each line; its own line breaks
    /// (<c>\r\n</c> or <c>\n</c>) become <c>\n</c>.
    /// </summary>
    public SourceWriter Lines(string block)
    {
        var lines = block.Replace("\r\n", "\n").Split('\n');
        foreach (var line in lines)
        {
            Line(line.TrimEnd());
        }

        return this;
    }

    /// <summary>Writes <c>{</c> and indents.</summary>
    public SourceWriter Open()
    {
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Writes <paramref name="line"/>, then <c>{</c>, and indents.</summary>
    public SourceWriter Open(string line) => Line(line).Open();

    /// <summary>Unindents and writes <c>}</c> (plus <paramref name="suffix"/>).</summary>
    public SourceWriter Close(string suffix = "")
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("Unbalanced braces in generated source.");
        }

        _indent--;
        Line("}" + suffix);
        return this;
    }

    /// <summary>Writes an XML doc <c>summary</c> on one line.</summary>
    public SourceWriter Summary(string xml) => Line("/// <summary>" + xml + "</summary>");

    /// <summary>The text written so far.</summary>
    public override string ToString()
    {
        if (_indent != 0)
        {
            throw new InvalidOperationException("Unbalanced braces in generated source.");
        }

        return _builder.ToString();
    }
}
