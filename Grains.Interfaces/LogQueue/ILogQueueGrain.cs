using Orleans.Concurrency;

namespace OrleansEvents.LogQueue;

/// <summary>
/// One queue of the <c>events</c> stream provider, held in memory by one activation in the cluster.
/// Producers on any silo enqueue; the pulling agent that owns the queue dequeues, and waits for
/// the next batch instead of asking again and again, so an idle silo does not spin and a new batch
/// moves on at once.
/// </summary>
[Alias("oe.ILogQueueGrain")]
public interface ILogQueueGrain : IGrainWithStringKey
{
    /// <exception cref="LogQueueFullException">The reader fell too far behind; the producer retries later.</exception>
    [AlwaysInterleave]
    [Alias("Enqueue")]
    Task EnqueueAsync(LogQueueBatch batch);

    /// <summary>
    /// Up to <paramref name="maxCount"/> batches in the order they were enqueued (any number when it
    /// is negative); waits up to <paramref name="wait"/> for the first one, and answers an empty
    /// array when none came.
    /// </summary>
    [AlwaysInterleave]
    [Alias("Dequeue")]
    Task<LogQueueBatch[]> DequeueAsync(int maxCount, TimeSpan wait);
}
