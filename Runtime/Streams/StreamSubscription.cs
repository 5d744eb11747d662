namespace OrleansEvents.Runtime.Streams;

/// <summary>A handle on one subscription; unsubscribe (or dispose) to stop delivery.</summary>
public sealed class StreamSubscription : IAsyncDisposable
{
    private readonly IStreamSubscriber _subscriber;

    internal StreamSubscription(StreamAddress stream, IStreamSubscriber subscriber)
    {
        Stream = stream;
        _subscriber = subscriber;
    }

    /// <summary>The stream subscribed to.</summary>
    public StreamAddress Stream { get; }

    /// <summary>Items dropped for this subscriber because its buffer was full.</summary>
    public long DroppedCount => _subscriber.DroppedCount;

    /// <summary>Stops delivery (items still buffered are discarded), cancels the handler in progress and returns once it has finished.</summary>
    public Task UnsubscribeAsync() => _subscriber.StopAsync();

    /// <summary>Same as <see cref="UnsubscribeAsync"/>.</summary>
    public async ValueTask DisposeAsync() => await UnsubscribeAsync().ConfigureAwait(false);
}
