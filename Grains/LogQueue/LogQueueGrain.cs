namespace OrleansEvents.LogQueue;

/// <summary>
/// Holds one queue's batches until its reader takes them. Both methods interleave, so a waiting read
/// never holds up a producer; the activation's turns still run one at a time, so no lock is needed.
/// </summary>
[GrainType("events.log-queue")]
internal sealed class LogQueueGrain : Grain, ILogQueueGrain
{
    private readonly Queue<LogQueueBatch> _batches = new();
    private TaskCompletionSource? _reader;

    public Task EnqueueAsync(LogQueueBatch batch)
    {
        if (_batches.Count >= LogQueueLimits.MaxBatches)
        {
            throw new LogQueueFullException();
        }

        _batches.Enqueue(batch);
        _reader?.TrySetResult();
        return Task.CompletedTask;
    }

    public async Task<LogQueueBatch[]> DequeueAsync(int maxCount, TimeSpan wait)
    {
        if (_batches.Count == 0)
        {
            // One reader per queue; a read left waiting by an agent that moved away answers now.
            _reader?.TrySetResult();
            var reader = _reader = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await reader.Task.WaitAsync(wait).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            if (_reader == reader)
            {
                _reader = null;
            }
        }

        var count = maxCount < 0 ? _batches.Count : Math.Min(maxCount, _batches.Count);
        var taken = new LogQueueBatch[count];
        for (var i = 0; i < count; i++)
        {
            taken[i] = _batches.Dequeue();
        }

        return taken;
    }
}
