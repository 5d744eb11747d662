namespace OrleansEvents.Runtime.Streams;

/// <summary>What a subscriber's full buffer does to the next item published.</summary>
public enum WhenBufferFull
{
    /// <summary>Drop the oldest buffered item: the publisher and the other subscribers never wait for this one.</summary>
    DropOldest,

    /// <summary>
    /// Hold the publisher until there is room: nothing is lost, and every publisher of the stream waits
    /// for this subscriber. Only for a subscriber whose handler never waits on anything outside the
    /// process (no socket, no store), so that it is as fast as the silo itself.
    /// </summary>
    HoldPublisher,
}
