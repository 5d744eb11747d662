using Microsoft.AspNetCore.SignalR;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Gateway.Live;

namespace OrleansEvents.Gateway.Hubs;

/// <summary>Sends one subscription's messages to its SignalR connection.</summary>
internal sealed class HubSink(IHubContext<EventsHub, IEventsClient> hub, string connectionId, ILiveDirectTarget? direct) : ILiveSink
{
    public ILiveDirectTarget? Direct => direct;

    public Task SendAsync(LiveMessage message, CancellationToken cancellationToken)
    {
        var client = hub.Clients.Client(connectionId);
        return message.Kind switch
        {
            NotificationKind.Committed => client.@event(message.Payload),
            NotificationKind.Resolved or NotificationKind.Unresolved => client.eventResolved(message.Payload),
            NotificationKind.Updated => client.eventUpdated(message.Payload),
            NotificationKind.Deleted => client.eventDeleted(message.Payload),
            NotificationKind.Replayed => client.replayed(message.Payload),
            _ => Task.CompletedTask,
        };
    }

    public Task ResyncAsync(LogPosition after, string reason, CancellationToken cancellationToken) =>
        hub.Clients.Client(connectionId).resync(new ResyncNotice(after.ToString(), reason));
}
