using System;
using System.Collections.Generic;
using System.Threading;

namespace GrokContracts.Emulator;

/// <summary>
/// Faults to inject, in order, into the next submits or polls: a status with an error envelope (and
/// <c>Retry-After</c> for 429), a raw body, or a dropped connection. Thread-safe.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly Queue<EmulatorFault> _submits = new();
    private readonly Queue<EmulatorFault> _polls = new();
    private int _servedSubmits;
    private int _servedPolls;

    /// <summary>Queued submit faults not served yet.</summary>
    public int PendingSubmits
    {
        get
        {
            lock (_gate)
            {
                return _submits.Count;
            }
        }
    }

    /// <summary>Queued poll faults not served yet.</summary>
    public int PendingPolls
    {
        get
        {
            lock (_gate)
            {
                return _polls.Count;
            }
        }
    }

    /// <summary>Submit faults served so far.</summary>
    public int ServedSubmits => Volatile.Read(ref _servedSubmits);

    /// <summary>Poll faults served so far.</summary>
    public int ServedPolls => Volatile.Read(ref _servedPolls);

    /// <summary>Answers the next <paramref name="count"/> submits with <paramref name="statusCode"/> (and the API's error envelope).</summary>
    /// <param name="count">How many submits.</param>
    /// <param name="statusCode">E.g. 429, 500, 503.</param>
    /// <param name="retryAfter">The raw <c>Retry-After</c> header to send, e.g. <c>"1"</c> (none when null).</param>
    public void FailNextSubmits(int count, int statusCode, string? retryAfter = null) => Enqueue(_submits, count, EmulatorFault.Status(statusCode, retryAfter));

    /// <summary>Answers the next <paramref name="count"/> polls with <paramref name="statusCode"/> (and the API's error envelope).</summary>
    public void FailNextPolls(int count, int statusCode, string? retryAfter = null) => Enqueue(_polls, count, EmulatorFault.Status(statusCode, retryAfter));

    /// <summary>Queues any fault for the next submits.</summary>
    public void EnqueueSubmitFault(EmulatorFault fault, int count = 1) => Enqueue(_submits, count, fault);

    /// <summary>Queues any fault for the next polls.</summary>
    public void EnqueuePollFault(EmulatorFault fault, int count = 1) => Enqueue(_polls, count, fault);

    /// <summary>Forgets every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _submits.Clear();
            _polls.Clear();
        }
    }

    internal EmulatorFault? NextSubmit() => Count(Dequeue(_submits), ref _servedSubmits);

    internal EmulatorFault? NextPoll() => Count(Dequeue(_polls), ref _servedPolls);

    private static EmulatorFault? Count(EmulatorFault? fault, ref int served)
    {
        if (fault is not null)
        {
            Interlocked.Increment(ref served);
        }

        return fault;
    }

    private void Enqueue(Queue<EmulatorFault> queue, int count, EmulatorFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }

    private EmulatorFault? Dequeue(Queue<EmulatorFault> queue)
    {
        lock (_gate)
        {
            return queue.Count > 0 ? queue.Dequeue() : null;
        }
    }
}

/// <summary>One injected answer.</summary>
public sealed class EmulatorFault
{
    private EmulatorFault(int statusCode, string? retryAfter, string? rawBody, string? contentType, bool dropConnection)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        RawBody = rawBody;
        ContentType = contentType;
        DropConnection = dropConnection;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The raw <c>Retry-After</c> header value, if any.</summary>
    public string? RetryAfter { get; }

    /// <summary>A body sent as is instead of the error envelope, if any.</summary>
    public string? RawBody { get; }

    /// <summary>The content type of <see cref="RawBody"/>.</summary>
    public string? ContentType { get; }

    /// <summary>Abort the connection after reading the request, sending nothing.</summary>
    public bool DropConnection { get; }

    /// <summary>A status with the API's error envelope (<c>code</c> = status × 100, e.g. 42900, 50300).</summary>
    public static EmulatorFault Status(int statusCode, string? retryAfter = null)
    {
        if (statusCode is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode));
        }

        return new EmulatorFault(statusCode, retryAfter, null, null, false);
    }

    /// <summary>A status with a raw body (for malformed, oversized or foreign responses).</summary>
    public static EmulatorFault Raw(int statusCode, string body, string contentType = "application/json", string? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new EmulatorFault(statusCode, retryAfter, body, contentType, false);
    }

    /// <summary>Drops the connection without answering (the request was read, so a submit's task is not created).</summary>
    public static EmulatorFault Drop() => new(0, null, null, null, true);
}
