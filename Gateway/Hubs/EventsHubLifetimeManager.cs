using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace OrleansEvents.Gateway.Hubs;

/// <summary>
/// The default lifetime manager of <see cref="EventsHub"/>, which also remembers each connection so
/// the live feed can write a frame serialized once straight to every subscribed connection.
/// </summary>
public sealed class EventsHubLifetimeManager(ILogger<DefaultHubLifetimeManager<EventsHub>> logger) : DefaultHubLifetimeManager<EventsHub>(logger)
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> _connections = new(StringComparer.Ordinal);

    public bool TryGetConnection(string connectionId, out HubConnectionContext connection) =>
        _connections.TryGetValue(connectionId, out connection!);

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        _connections[connection.ConnectionId] = connection;
        return base.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _connections.TryRemove(connection.ConnectionId, out _);
        return base.OnDisconnectedAsync(connection);
    }
}
