using OrleansEvents.Events;
using OrleansEvents.Gateway.Live;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>A live sink that records what it gets; optionally its first send blocks until released, like a stalled client.</summary>
public sealed class RecordingSink(bool blockFirstSend) : ILiveSink
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RecordedEventIds _eventIds = new();
    private int _sends;

    public int Resyncs { get; private set; }

    public IReadOnlyList<long> EventIds => _eventIds.All;

    public void Release() => _released.TrySetResult();

    public async Task SendAsync(LiveMessage message, CancellationToken cancellationToken)
    {
        if (blockFirstSend && Interlocked.Increment(ref _sends) == 1)
        {
            await _released.Task.WaitAsync(cancellationToken);
        }

        _eventIds.Add(message.Event.Id);
    }

    public Task ResyncAsync(LogPosition after, string reason, CancellationToken cancellationToken)
    {
        Resyncs++;
        return Task.CompletedTask;
    }

    public Task WaitForAsync(int count, TimeSpan timeout) => _eventIds.WaitForAsync(count, timeout);
}
