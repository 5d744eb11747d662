using OrleansEvents.Events;
using OrleansEvents.Gateway.Live;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>
/// A sink whose direct target accepts a few messages and then refuses one, as a connection with too
/// much unsent would; everything it gets, directly or through the pump, is recorded in order.
/// </summary>
public sealed class DirectRecordingSink(int acceptBeforeRefusing) : ILiveSink, ILiveDirectTarget
{
    private readonly RecordedEventIds _eventIds = new();
    private int _accepted;
    private int _refused;

    public int Resyncs { get; private set; }

    public int DirectSends => _accepted;

    /// <summary>Whether the session has asked for its target (it asks when it has caught up).</summary>
    public bool IsDirect { get; private set; }

    public ILiveDirectTarget? Direct
    {
        get
        {
            IsDirect = true;
            return this;
        }
    }

    public IReadOnlyList<long> EventIds => _eventIds.All;

    public bool TrySend(LiveMessage message)
    {
        if (_accepted >= acceptBeforeRefusing && Interlocked.Exchange(ref _refused, 1) == 0)
        {
            return false;
        }

        Interlocked.Increment(ref _accepted);
        Add(message);
        return true;
    }

    public Task SendAsync(LiveMessage message, CancellationToken cancellationToken)
    {
        Add(message);
        return Task.CompletedTask;
    }

    public Task ResyncAsync(LogPosition after, string reason, CancellationToken cancellationToken)
    {
        Resyncs++;
        return Task.CompletedTask;
    }

    public Task WaitForAsync(int count, TimeSpan timeout) => _eventIds.WaitForAsync(count, timeout);

    private void Add(LiveMessage message) => _eventIds.Add(message.Event.Id);
}
