using Microsoft.AspNetCore.SignalR;
using OrleansEvents.Gateway.Live;

namespace OrleansEvents.Gateway.Hubs;

/// <summary>
/// Writes live frames to one connection without waiting for them, but never more than
/// <paramref name="capacity"/> at a time unsent: a slow client is dropped to resync, never allowed to
/// pile up memory or hold up the feed.
/// </summary>
internal sealed class HubDirectTarget(HubConnectionContext connection, int capacity) : ILiveDirectTarget
{
    private int _unsent;

    public bool TrySend(LiveMessage message)
    {
        if (Volatile.Read(ref _unsent) >= capacity)
        {
            return false;
        }

        var write = connection.WriteAsync(message.HubMessage);
        if (!write.IsCompleted)
        {
            Interlocked.Increment(ref _unsent);
            _ = CompleteAsync(write);
        }

        return true;
    }

    private async Task CompleteAsync(ValueTask write)
    {
        try
        {
            await write;
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The connection is going away; its pump ends with it.
        }
        finally
        {
            Interlocked.Decrement(ref _unsent);
        }
    }
}
