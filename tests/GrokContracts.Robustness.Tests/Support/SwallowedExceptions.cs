using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace GrokContracts.Robustness.Tests.Support;

/// <summary>
/// Records exceptions that signal a bug (null dereference, bad index, bad cast...) thrown inside GrokContracts code
/// while a case runs, even when a catch-all swallows them afterwards. The payload analyzer guards every callback
/// ("never AD0001"), and the contract cache drops a spec whose parse throws: without this watch such a crash would
/// only show up as a missing diagnostic. Scoped with an <see cref="AsyncLocal{T}"/>, so parallel tests do not mix.
/// </summary>
internal static class SwallowedExceptions
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    static SwallowedExceptions() => AppDomain.CurrentDomain.FirstChanceException += (_, e) => Record(e.Exception);

    /// <summary>Runs <paramref name="body"/>'s scope; the returned list fills with bug-signalling exceptions thrown by GrokContracts frames.</summary>
    public static List<string> Watch()
    {
        var list = new List<string>();
        Current.Value = list;
        return list;
    }

    public static void Stop() => Current.Value = null;

    private static void Record(Exception exception)
    {
        var list = Current.Value;
        if (list is null || !SignalsABug(exception))
        {
            return;
        }

        // At first chance the exception's own trace holds only the throwing frame: walk the current stack instead.
        var frames = new StackTrace(1, fNeedFileInfo: false).GetFrames()
            .Select(f => f.GetMethod())
            .Where(m => m?.DeclaringType is not null)
            .Select(m => m!.DeclaringType!.FullName + "." + m.Name)
            .ToList();
        if (!frames.Any(f => f.StartsWith("GrokContracts.", StringComparison.Ordinal) && !f.StartsWith("GrokContracts.Robustness.Tests.", StringComparison.Ordinal)))
        {
            return;
        }

        lock (list)
        {
            list.Add(exception.GetType().Name + ": " + exception.Message + Environment.NewLine + "   at " + string.Join(Environment.NewLine + "   at ", frames.Where(f => !f.StartsWith("System.Runtime.", StringComparison.Ordinal)).Take(12)));
        }
    }

    private static bool SignalsABug(Exception exception) => exception is NullReferenceException
        or IndexOutOfRangeException
        or ArgumentException
        or InvalidCastException
        or InvalidOperationException
        or KeyNotFoundException
        or NotSupportedException
        or NotImplementedException
        or DivideByZeroException
        && exception is not OperationCanceledException and not ObjectDisposedException;
}
