using OrleansEvents.Events;

namespace OrleansEvents.Gateway.Live;

/// <summary>Where one subscriber's messages go: an SSE response or a SignalR connection.</summary>
public interface ILiveSink
{
    /// <summary>Sends <paramref name="message"/>; a sink may hold it until <see cref="FlushAsync"/>.</summary>
    Task SendAsync(LiveMessage message, CancellationToken cancellationToken);

    /// <summary>Puts on the wire what <see cref="SendAsync"/> held, waiting while the client cannot take it.</summary>
    Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The subscriber must refetch what it shows; committed events resume after <paramref name="after"/>. <paramref name="reason"/> is one of <see cref="ResyncReasons"/>.</summary>
    Task ResyncAsync(LogPosition after, string reason, CancellationToken cancellationToken);

    /// <summary>Where the feed may write live messages itself once the subscriber has caught up; null to always go through the pump.</summary>
    ILiveDirectTarget? Direct => null;
}
