using System.Threading.Channels;
using OrleansEvents.Events;

namespace OrleansEvents.Fanout;

/// <summary>
/// Wakes the log tailer right after a local commit, so a new event reaches subscribers without
/// waiting for the next poll. A notification that arrives while nobody waits is kept (one is enough)
/// until the next wait, so a commit between "read found nothing" and "wait" is never slept through.
/// </summary>
public sealed class LogSignal
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly Lock _gate = new();
    private LogPosition _highestCommitted = LogPosition.Start;

    /// <summary>The last position this silo has committed; the tailer is behind until it has read past it.</summary>
    public LogPosition HighestCommitted
    {
        get
        {
            lock (_gate)
            {
                return _highestCommitted;
            }
        }
    }

    /// <summary>A local transaction committed events up to <paramref name="committed"/>.</summary>
    public void Notify(LogPosition committed)
    {
        lock (_gate)
        {
            if (committed > _highestCommitted)
            {
                _highestCommitted = committed;
            }
        }

        _pending.Writer.TryWrite(true);
    }

    /// <summary>Completes at the next notification (or a kept one), or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        // Cancel the wait rather than abandon a read: an abandoned read would swallow the next notification.
        using var timer = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            if (await _pending.Reader.WaitToReadAsync(linked.Token))
            {
                _pending.Reader.TryRead(out _);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Poll anyway: other silos' commits only show up that way.
        }
    }
}
