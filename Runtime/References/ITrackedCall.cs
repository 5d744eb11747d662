namespace OrleansEvents.Runtime.References;

/// <summary>A call as the timeout tracker sees it.</summary>
internal interface ITrackedCall
{
    /// <summary>Timestamp (of the runtime's <see cref="TimeProvider"/>) after which the call times out.</summary>
    long Deadline { get; set; }

    /// <summary>Timestamp at which the call was sent, for the latency histogram (0 when not measured).</summary>
    long StartedAt { get; set; }

    /// <summary>Fails the call with a <see cref="TimeoutException"/> naming grain and method, unless it already completed.</summary>
    void TimeOut(TimeSpan timeout);
}
