using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace OrleansEvents.LogQueue;

/// <summary>
/// The pulling agent's side of one queue. Orleans' agent reads again at once while reads return
/// batches, so a read that waits for the next batch turns its polling timer into a push.
/// </summary>
internal sealed class LogQueueReceiver(ILogQueueGrain queue) : IQueueAdapterReceiver
{
    private long _nextSequence;
    private Task<LogQueueBatch[]>? _reading;

    public Task Initialize(TimeSpan timeout) => Task.CompletedTask;

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount)
    {
        var reading = _reading = queue.DequeueAsync(maxCount, LogQueueLimits.ReadWait);
        LogQueueBatch[] batches;
        try
        {
            batches = await reading;
        }
        finally
        {
            _reading = null;
        }

        var read = new List<IBatchContainer>(batches.Length);
        foreach (var batch in batches)
        {
            read.Add(batch.WithToken(new EventSequenceTokenV2(_nextSequence++)));
        }

        return read;
    }

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => Task.CompletedTask;

    /// <summary>Lets a read in flight finish, so what it took is not left unanswered in the queue's activation.</summary>
    public async Task Shutdown(TimeSpan timeout)
    {
        if (_reading is { } reading)
        {
            await ((Task)reading).WaitAsync(timeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
