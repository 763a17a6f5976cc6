using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GrokContracts.Spec.Parsing;

/// <summary>
/// Turns spec text into a <see cref="SpecNode"/> tree from YamlDotNet's event-level <see cref="Parser"/>
/// (which reads JSON too), enforcing the safety limits as the events arrive. The tree is built with an
/// explicit stack: YamlDotNet's recursive composer (<c>YamlStream.Load</c>) is never used, because deep
/// nesting would overflow the stack and crash the compiler process; here nesting stops at
/// <see cref="MaxDepth"/>, long before any recursion in later stages could matter.
/// </summary>
internal static class SpecDocumentReader
{
    /// <summary>Largest spec accepted, in UTF-16 characters (1 MiB).</summary>
    public const int MaxLength = 1024 * 1024;

    /// <summary>Deepest mapping/sequence nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reads the single document of <paramref name="text"/>; on failure adds one GRK100 and returns null.</summary>
    public static SpecNode? Read(string text, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (text.Length > MaxLength)
        {
            diagnostics.NotParseable(
                $"the spec is {text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} characters long; the limit is {MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)} (1 MiB)",
                new SpecPosition(1, 1),
                new SpecPosition(1, 1));
            return null;
        }

        var progress = new ReadProgress();
        try
        {
            return ReadEvents(text, diagnostics, progress, cancellationToken);
        }
        catch (YamlException ex)
        {
            diagnostics.NotParseable(CleanMessage(ex), ToPosition(ex.Start), ToPosition(ex.End));
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // YamlDotNet documents YamlException only, but a compiler must never crash on user input:
            // anything else it throws on garbage is still "not parseable", reported where reading stopped.
            diagnostics.NotParseable("the YAML reader failed after this point: " + ex.Message, progress.Last, progress.Last);
            return null;
        }
    }

    public static SpecPosition ToPosition(Mark mark) =>
        new(Math.Max(1, (int)Math.Min(int.MaxValue, mark.Line)), Math.Max(1, (int)Math.Min(int.MaxValue, mark.Column)));

    private static SpecNode? ReadEvents(string text, DiagnosticBag diagnostics, ReadProgress progress, CancellationToken cancellationToken)
    {
        var parser = new Parser(new StringReader(text));
        var stack = new List<SpecNode>();
        SpecScalar? pendingKey = null;
        SpecNode? root = null;
        var documents = 0;
        var count = 0;

        while (parser.MoveNext())
        {
            if ((++count & 0xFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var current = parser.Current!;
            var start = ToPosition(current.Start);
            var end = ToPosition(current.End);
            progress.Last = end;
            switch (current)
            {
                case DocumentStart:
                    if (++documents > 1)
                    {
                        diagnostics.NotParseable("a spec file holds exactly one document; found a second one", start, end);
                        return null;
                    }

                    continue;
                case AnchorAlias:
                    diagnostics.NotParseable("YAML aliases (*name) are not allowed in a spec", start, end);
                    return null;
                case MappingEnd:
                case SequenceEnd:
                    var closed = stack[stack.Count - 1];
                    closed.End = end;
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                case NodeEvent node:
                    if (!node.Anchor.IsEmpty)
                    {
                        diagnostics.NotParseable($"YAML anchors (&{node.Anchor.Value}) are not allowed in a spec", start, end);
                        return null;
                    }

                    if (!node.Tag.IsEmpty)
                    {
                        diagnostics.NotParseable($"YAML tags ({node.Tag.Value}) are not allowed in a spec", start, end);
                        return null;
                    }

                    break;
                default:
                    continue;
            }

            SpecNode created = current switch
            {
                Scalar scalar => new SpecScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, start, end),
                MappingStart => new SpecMapping(start, end),
                _ => new SpecSequence(start, end),
            };

            if (created is not SpecScalar && stack.Count >= MaxDepth)
            {
                diagnostics.NotParseable($"the spec nests deeper than {MaxDepth} levels", start, end);
                return null;
            }

            if (stack.Count == 0)
            {
                root = created;
            }
            else
            {
                var parent = stack[stack.Count - 1];
                if (parent is SpecSequence sequence)
                {
                    sequence.Items.Add(created);
                }
                else if (pendingKey is null)
                {
                    if (created is SpecScalar key)
                    {
                        pendingKey = key;
                    }
                    else
                    {
                        diagnostics.NotParseable("mapping keys must be plain names, not " + created.Describe(), start, end);
                        return null;
                    }
                }
                else
                {
                    ((SpecMapping)parent).Entries.Add(new KeyValuePair<SpecScalar, SpecNode>(pendingKey, created));
                    pendingKey = null;
                }
            }

            if (created is not SpecScalar)
            {
                stack.Add(created);
            }
        }

        if (root is null)
        {
            diagnostics.NotParseable("the spec is empty", new SpecPosition(1, 1), new SpecPosition(1, 1));
        }

        return root;
    }

    private static string CleanMessage(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (...): "; the diagnostic carries the position.
        var message = ex.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line", StringComparison.Ordinal) && marker >= 0)
        {
            message = message.Substring(marker + 3);
        }

        return "not valid YAML/JSON: " + message.Trim();
    }

    /// <summary>Where the event reader got to, for errors YamlDotNet raises without a position.</summary>
    private sealed class ReadProgress
    {
        public SpecPosition Last { get; set; } = new(1, 1);
    }
}
