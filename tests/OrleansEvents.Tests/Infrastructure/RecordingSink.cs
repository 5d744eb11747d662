using OrleansEvents.Events;
using OrleansEvents.Gateway.Live;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>A live sink that records what it gets; optionally its first send blocks until released, like a stalled client.</summary>
public sealed class RecordingSink(bool blockFirstSend) : ILiveSink
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<long> _eventIds = [];
    private int _sends;

    public int Resyncs { get; private set; }

    public IReadOnlyList<long> EventIds
    {
        get
        {
            lock (_eventIds)
            {
                return [.. _eventIds];
            }
        }
    }

    public void Release() => _released.TrySetResult();

    public async Task SendAsync(LiveMessage message, CancellationToken cancellationToken)
    {
        if (blockFirstSend && Interlocked.Increment(ref _sends) == 1)
        {
            await _released.Task.WaitAsync(cancellationToken);
        }

        lock (_eventIds)
        {
            _eventIds.Add(message.Event.Id);
        }
    }

    public Task ResyncAsync(LogPosition after, CancellationToken cancellationToken)
    {
        Resyncs++;
        return Task.CompletedTask;
    }

    /// <summary>Waits until at least <paramref name="count"/> events arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (EventIds.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{EventIds.Count} of {count} events arrived within {timeout}.");
            }

            await Task.Delay(20);
        }
    }
}
