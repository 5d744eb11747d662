using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using OrleansEvents.Fanout;
using OrleansEvents.LogQueue;
using OrleansStreamId = Orleans.Runtime.StreamId;

namespace OrleansEvents.Tests.Cluster;

/// <summary>The <c>events</c> stream's transport: a queue grain whose reads wait for the next batch.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class LogQueueTests(TwoSiloCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ASubscriberOnOneSiloGetsEveryItemPublishedThroughTheOtherOnceAndInOrder()
    {
        var id = OrleansStreamId.Create("test", Guid.NewGuid().ToString("N"));
        var received = new List<int>();
        var all = new TaskCompletionSource();
        const int Count = 600;
        const int End = -1;
        var subscription = await Provider(0).GetStream<int>(id).SubscribeAsync((item, _) =>
        {
            lock (received)
            {
                if (item == End)
                {
                    all.TrySetResult();
                }
                else
                {
                    received.Add(item);
                }
            }

            return Task.CompletedTask;
        });

        var publisher = Provider(1).GetStream<int>(id);
        var next = 0;
        for (var size = 1; next < Count; size = size % 7 + 1)
        {
            var batch = Enumerable.Range(next, Math.Min(size, Count - next)).ToList();
            await publisher.OnNextBatchAsync(batch);
            next += batch.Count;
        }

        // Published last, so in log order any repeat of an earlier item would arrive before it.
        await publisher.OnNextAsync(End);
        await all.Task.WaitAsync(Patience);
        await subscription.UnsubscribeAsync();
        lock (received)
        {
            Assert.Equal(Enumerable.Range(0, Count), received);
        }
    }

    [Fact]
    public async Task AReadWaitsForTheNextBatchAndAnswersAsSoonAsItIsQueued()
    {
        var queue = Queue();
        var read = queue.DequeueAsync(10, TimeSpan.FromMinutes(1));
        await Task.Delay(300);
        Assert.False(read.IsCompleted);

        await queue.EnqueueAsync(Batch(1, 2, 3));

        var batches = await read.WaitAsync(Patience);
        Assert.Equal([1, 2, 3], Assert.Single(batches).Items.Cast<int>());
    }

    [Fact]
    public async Task AReadWithNothingQueuedAnswersEmptyOnceItsWaitIsOver()
    {
        var batches = await Queue().DequeueAsync(10, TimeSpan.FromMilliseconds(100)).WaitAsync(Patience);

        Assert.Empty(batches);
    }

    [Fact]
    public async Task AReadTakesAtMostItsCountAndLeavesTheRestInOrder()
    {
        var queue = Queue();
        foreach (var item in Enumerable.Range(0, 5))
        {
            await queue.EnqueueAsync(Batch(item));
        }

        var first = await queue.DequeueAsync(2, TimeSpan.Zero);
        var rest = await queue.DequeueAsync(-1, TimeSpan.Zero);

        Assert.Equal([0, 1], first.SelectMany(b => b.Items.Cast<int>()));
        Assert.Equal([2, 3, 4], rest.SelectMany(b => b.Items.Cast<int>()));
    }

    [Fact]
    public async Task AFullQueueRefusesProducersUntilItsReaderTakesBatches()
    {
        var queue = Queue();
        await Task.WhenAll(Enumerable.Range(0, LogQueueLimits.MaxBatches).Select(item => queue.EnqueueAsync(Batch(item))));

        await Assert.ThrowsAsync<LogQueueFullException>(() => queue.EnqueueAsync(Batch(-1)));

        var taken = await queue.DequeueAsync(1, TimeSpan.Zero);
        await queue.EnqueueAsync(Batch(-1));
        Assert.Single(taken);
        Assert.Equal(LogQueueLimits.MaxBatches, (await queue.DequeueAsync(-1, TimeSpan.Zero)).Length);
    }

    private IStreamProvider Provider(int silo) =>
        cluster.Silos[silo].ServiceProvider.GetRequiredService<IClusterClient>().GetStreamProvider(StreamProviders.Events);

    private ILogQueueGrain Queue() => cluster.GrainsOf(1).GetGrain<ILogQueueGrain>($"test/{Guid.NewGuid():N}");

    private static LogQueueBatch Batch(params int[] items) =>
        new(OrleansStreamId.Create("test", "queue"), items.Cast<object>().ToList(), requestContext: null);
}
