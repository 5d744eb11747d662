using OrleansEvents.Events;
using OrleansEvents.Gateway.Live;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>
/// A sink whose direct target holds its first send until <see cref="Open"/>, as a connection stuck
/// in a socket write would hold the feed that writes to it; everything it gets is recorded in order.
/// </summary>
public sealed class GatedDirectSink : ILiveSink, ILiveDirectTarget
{
    private readonly RecordedEventIds _eventIds = new();
    private readonly ManualResetEventSlim _gate = new(false);
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sends;

    public int Resyncs { get; private set; }

    public ILiveDirectTarget? Direct => this;

    public IReadOnlyList<long> EventIds => _eventIds.All;

    /// <summary>Completes once the first direct send is being held.</summary>
    public Task Holding => _holding.Task;

    public void Open() => _gate.Set();

    public bool TrySend(LiveMessage message)
    {
        if (Interlocked.Increment(ref _sends) == 1)
        {
            _holding.SetResult();
            _gate.Wait(TimeSpan.FromSeconds(30));
        }

        _eventIds.Add(message.Event.Id);
        return true;
    }

    public Task SendAsync(LiveMessage message, CancellationToken cancellationToken)
    {
        _eventIds.Add(message.Event.Id);
        return Task.CompletedTask;
    }

    public Task ResyncAsync(LogPosition after, string reason, CancellationToken cancellationToken)
    {
        Resyncs++;
        return Task.CompletedTask;
    }

    public Task WaitForAsync(int count, TimeSpan timeout) => _eventIds.WaitForAsync(count, timeout);
}
