using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansEvents.Runtime.Diagnostics;

namespace OrleansEvents.Runtime.Streams;

/// <summary>An in-memory stream of this silo: fans each published item out to the subscribers' buffers.</summary>
internal sealed class LocalStream<T>(StreamAddress id, int capacity, RuntimeMetrics metrics, ILogger logger) : IAsyncStream<T>, ILocalStream
{
    // One publisher at a time, so every subscriber sees concurrent publishes in the same order, even
    // while one of them waits for room in a subscriber that holds publishers.
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly Lock _membership = new();
    private ImmutableArray<StreamSubscriber<T>> _subscribers = [];

    public StreamAddress Address => id;

    public async ValueTask PublishAsync(T item)
    {
        await _publishing.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var subscriber in _subscribers)
            {
                await subscriber.OfferAsync(item).ConfigureAwait(false);
            }
        }
        finally
        {
            _publishing.Release();
        }
    }

    public ValueTask<StreamSubscription> SubscribeAsync(Func<T, CancellationToken, Task> handler, WhenBufferFull whenFull = WhenBufferFull.DropOldest)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscriber = new StreamSubscriber<T>(id, handler, capacity, whenFull, metrics, logger);
        lock (_membership)
        {
            _subscribers = _subscribers.Add(subscriber);
        }

        return ValueTask.FromResult(new StreamSubscription(id, new Unsubscribing(this, subscriber)));
    }

    /// <summary>Ends every subscription (at host shutdown).</summary>
    public Task StopAllAsync()
    {
        ImmutableArray<StreamSubscriber<T>> subscribers;
        lock (_membership)
        {
            subscribers = _subscribers;
            _subscribers = [];
        }

        return Task.WhenAll(subscribers.Select(s => s.StopAsync()));
    }

    private void Remove(StreamSubscriber<T> subscriber)
    {
        lock (_membership)
        {
            _subscribers = _subscribers.Remove(subscriber);
        }
    }

    /// <summary>Takes the subscriber off the stream before stopping its delivery loop.</summary>
    private sealed class Unsubscribing(LocalStream<T> stream, StreamSubscriber<T> subscriber) : IStreamSubscriber
    {
        public long DroppedCount => subscriber.DroppedCount;

        public Task StopAsync()
        {
            stream.Remove(subscriber);
            return subscriber.StopAsync();
        }
    }
}
