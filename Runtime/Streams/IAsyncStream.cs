namespace OrleansEvents.Runtime.Streams;

/// <summary>
/// A live stream of items. Every subscriber sees the items in publish order. Each subscriber has its own
/// bounded buffer (<see cref="StreamOptions.SubscriberBufferCapacity"/>); when it is full the oldest buffered
/// item is dropped, counted in the <c>orleansevents.runtime.stream.drops</c> metric and logged, so a slow or
/// failing subscriber never blocks the publisher or the other subscribers. A subscriber that must see
/// every item subscribes with <see cref="WhenBufferFull.HoldPublisher"/> instead.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public interface IAsyncStream<T>
{
    /// <summary>This stream's address.</summary>
    StreamAddress Address { get; }

    /// <summary>Hands <paramref name="item"/> to every current subscriber's buffer; waits only for a full one that holds publishers.</summary>
    ValueTask PublishAsync(T item);

    /// <summary>
    /// Subscribes <paramref name="handler"/>, called with one item at a time in publish order. Exceptions from
    /// the handler are logged and delivery goes on with the next item. A grain that wants items as turns
    /// passes a handler that calls its own grain reference.
    /// </summary>
    ValueTask<StreamSubscription> SubscribeAsync(Func<T, CancellationToken, Task> handler, WhenBufferFull whenFull = WhenBufferFull.DropOldest);
}
