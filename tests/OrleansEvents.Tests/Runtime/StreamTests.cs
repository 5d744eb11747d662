using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Runtime.Streams;

namespace OrleansEvents.Tests.Runtime;

public sealed class StreamTests
{
    [Fact]
    public async Task SubscribersReceiveItemsInPublishOrder()
    {
        await using var runtime = await TestRuntime.StartAsync();
        var stream = Streams(runtime).GetStream<int>("numbers", "ordered");
        var first = new Collector(1000);
        var second = new Collector(1000);
        await stream.SubscribeAsync(first.HandleAsync);
        await stream.SubscribeAsync(second.HandleAsync);

        for (var i = 0; i < 1000; i++)
        {
            await stream.PublishAsync(i);
        }

        Assert.Equal(Enumerable.Range(0, 1000), await first.Completed);
        Assert.Equal(Enumerable.Range(0, 1000), await second.Completed);
    }

    [Fact]
    public async Task SlowAndThrowingSubscribersBlockNeitherPublisherNorOtherSubscribers()
    {
        await using var runtime = await TestRuntime.StartAsync();
        var stream = Streams(runtime).GetStream<int>("numbers", "isolated");
        var stuck = new TaskCompletionSource();
        await stream.SubscribeAsync((_, _) => stuck.Task);
        await stream.SubscribeAsync((_, _) => throw new InvalidOperationException("subscriber bug"));
        var healthy = new Collector(500);
        await stream.SubscribeAsync(healthy.HandleAsync);

        for (var i = 0; i < 500; i++)
        {
            Assert.True(stream.PublishAsync(i).IsCompletedSuccessfully);
        }

        Assert.Equal(Enumerable.Range(0, 500), await healthy.Completed);
        stuck.SetResult();
    }

    [Fact]
    public async Task FullSubscriberBufferDropsTheOldestItemsAndCountsThem()
    {
        await using var runtime = await StartWithBufferAsync(10);
        var stream = Streams(runtime).GetStream<int>("numbers", "overflow");
        var held = new HeldAtFirstItem();
        var subscription = await stream.SubscribeAsync(held.HandleAsync);

        await stream.PublishAsync(0);
        await held.Started;
        for (var i = 1; i < 25; i++)
        {
            await stream.PublishAsync(i);
        }

        Assert.Equal(14, subscription.DroppedCount);
        held.Release();
        await subscription.UnsubscribeAsync();
        Assert.Equal([0], held.Received.Take(1));
    }

    [Fact]
    public async Task ASubscriberThatHoldsPublishersLosesNothingAndKeepsPublishOrder()
    {
        await using var runtime = await StartWithBufferAsync(10);
        var stream = Streams(runtime).GetStream<int>("numbers", "held");
        var first = new HeldAtFirstItem();
        var subscription = await stream.SubscribeAsync(first.HandleAsync, WhenBufferFull.HoldPublisher);

        await stream.PublishAsync(0);
        await first.Started;
        for (var i = 1; i <= 10; i++)
        {
            Assert.True(stream.PublishAsync(i).IsCompletedSuccessfully); // room in the buffer
        }

        var held = stream.PublishAsync(11).AsTask();
        var behindIt = stream.PublishAsync(12).AsTask();
        var heldWhileFull = !held.IsCompleted && !behindIt.IsCompleted;
        first.Release();
        await Task.WhenAll(held, behindIt).WaitAsync(TimeSpan.FromSeconds(10));
        await WaitUntilAsync(() => first.Received.Count == 13);

        Assert.True(heldWhileFull);
        Assert.Equal(Enumerable.Range(0, 13), first.Received);
        Assert.Equal(0, subscription.DroppedCount);
        await subscription.UnsubscribeAsync();
    }

    [Fact]
    public async Task APublisherHeldForASubscriberThatUnsubscribesIsLetGo()
    {
        await using var runtime = await StartWithBufferAsync(1);
        var stream = Streams(runtime).GetStream<int>("numbers", "let-go");
        var started = new TaskCompletionSource();
        var subscription = await stream.SubscribeAsync(async (_, cancellationToken) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }, WhenBufferFull.HoldPublisher);
        await stream.PublishAsync(0);
        await started.Task;
        await stream.PublishAsync(1);

        var held = stream.PublishAsync(2).AsTask();
        var heldWhileFull = !held.IsCompleted;
        await subscription.UnsubscribeAsync();
        await held.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(heldWhileFull);
    }

    [Fact]
    public async Task UnsubscribedHandlerReceivesNoMoreItems()
    {
        await using var runtime = await TestRuntime.StartAsync();
        var stream = Streams(runtime).GetStream<string>("words", "unsubscribe");
        var received = new ConcurrentQueue<string>();
        var first = new TaskCompletionSource();
        var subscription = await stream.SubscribeAsync((item, _) =>
        {
            received.Enqueue(item);
            first.TrySetResult();
            return Task.CompletedTask;
        });
        var witness = new Collector(2);
        await stream.SubscribeAsync((item, token) => witness.HandleAsync(item.Length, token));

        await stream.PublishAsync("before");
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await subscription.UnsubscribeAsync();
        await stream.PublishAsync("after");
        await witness.Completed;

        Assert.Equal(["before"], received);
    }

    [Fact]
    public async Task SameStreamWithAnotherItemTypeIsRejected()
    {
        await using var runtime = await TestRuntime.StartAsync();
        Streams(runtime).GetStream<int>("numbers", "typed");

        Assert.Throws<InvalidOperationException>(() => Streams(runtime).GetStream<string>("numbers", "typed"));
    }

    private static IStreamProvider Streams(TestRuntime runtime) => runtime.Services.GetRequiredService<IStreamProvider>();

    private static Task<TestRuntime> StartWithBufferAsync(int capacity) =>
        TestRuntime.StartAsync(services: services => services.Configure<StreamOptions>(options => options.SubscriberBufferCapacity = capacity));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(10);
        }
    }

    /// <summary>Collects items and completes once it has the expected number.</summary>
    /// <summary>Records items, and keeps its handler on the first one until released, so the items after it fill the buffer.</summary>
    private sealed class HeldAtFirstItem
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new();

        public Task Started => _started.Task;

        public ConcurrentQueue<int> Received { get; } = new();

        public async Task HandleAsync(int item, CancellationToken cancellationToken)
        {
            Received.Enqueue(item);
            _started.TrySetResult();
            await _release.Task;
        }

        public void Release() => _release.SetResult();
    }

    private sealed class Collector(int expected)
    {
        private readonly List<int> _items = [];
        private readonly TaskCompletionSource<IReadOnlyList<int>> _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IReadOnlyList<int>> Completed => _completed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        public Task HandleAsync(int item, CancellationToken cancellationToken)
        {
            _items.Add(item);
            if (_items.Count == expected)
            {
                _completed.SetResult([.. _items]);
            }

            return Task.CompletedTask;
        }
    }
}
