using OrleansEvents.Events;

namespace OrleansEvents.Gateway.Live;

/// <summary>Where one subscriber's messages go: an SSE response or a SignalR connection.</summary>
public interface ILiveSink
{
    Task SendAsync(LiveMessage message, CancellationToken cancellationToken);

    /// <summary>The subscriber must refetch what it shows; committed events resume after <paramref name="after"/>. <paramref name="reason"/> is one of <see cref="ResyncReasons"/>.</summary>
    Task ResyncAsync(LogPosition after, string reason, CancellationToken cancellationToken);

    /// <summary>Where the feed may write live messages itself once the subscriber has caught up; null to always go through the pump.</summary>
    ILiveDirectTarget? Direct => null;
}
