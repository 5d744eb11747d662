namespace OrleansEvents.Gateway.Live;

/// <summary>
/// A connection the feed may write to itself, without a pump in between, once its subscriber has
/// caught up: one serialized frame per message, written to every such connection.
/// </summary>
public interface ILiveDirectTarget
{
    /// <summary>Hands the message to the connection without waiting; false when too many are still unsent (the subscriber then resyncs).</summary>
    bool TrySend(LiveMessage message);
}
