using OrleansEvents.Events;

namespace OrleansEvents.Gateway.Live;

/// <summary>Where one subscriber's messages go: an SSE response or a SignalR connection.</summary>
public interface ILiveSink
{
    Task SendAsync(LiveMessage message, CancellationToken cancellationToken);

    /// <summary>The subscriber fell behind and messages were dropped; committed events resume from <paramref name="after"/>, changes in between are lost.</summary>
    Task ResyncAsync(LogPosition after, CancellationToken cancellationToken);

    /// <summary>Where the feed may write live messages itself once the subscriber has caught up; null to always go through the pump.</summary>
    ILiveDirectTarget? Direct => null;
}
