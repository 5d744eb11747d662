namespace OrleansEvents.Runtime.Streams;

/// <summary>The type-independent face of a subscriber, for its subscription handle.</summary>
internal interface IStreamSubscriber
{
    long DroppedCount { get; }

    Task StopAsync();
}
