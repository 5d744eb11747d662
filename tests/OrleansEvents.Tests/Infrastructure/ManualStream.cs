using OrleansEvents.Runtime.Streams;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>A stream that calls its handlers inline on publish. Subscriptions last as long as the test.</summary>
public sealed class ManualStream<T>(StreamAddress address) : IAsyncStream<T>
{
    private readonly List<Func<T, CancellationToken, Task>> _handlers = [];

    public StreamAddress Address => address;

    public async ValueTask PublishAsync(T item)
    {
        foreach (var handler in _handlers.ToList())
        {
            await handler(item, CancellationToken.None);
        }
    }

    public ValueTask<StreamSubscription> SubscribeAsync(Func<T, CancellationToken, Task> handler, WhenBufferFull whenFull = WhenBufferFull.DropOldest)
    {
        _handlers.Add(handler);
        return ValueTask.FromResult<StreamSubscription>(null!);
    }
}
