using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Hosting;
using OrleansEvents.Gateway.Live;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Hubs;

/// <summary>
/// The running subscription of each hub connection. Hub instances live for one call, so the pump
/// that feeds a connection lives here, until the connection subscribes anew or goes away.
/// </summary>
public sealed partial class HubSubscriptions(
    LiveSession session, IHubContext<EventsHub, IEventsClient> hub, IOptions<GatewayOptions> options, ILogger<HubSubscriptions> logger)
{
    private readonly ConcurrentDictionary<string, Running> _running = new(StringComparer.Ordinal);

    public async Task StartAsync(string connectionId, string tenantId, EventFilter filter, LogPosition? after)
    {
        await StopAsync(connectionId);
        var stop = new CancellationTokenSource();
        var sink = new HubSink(hub, connectionId);
        var pump = Task.Run(() => RunAsync(connectionId, tenantId, filter, after, sink, stop.Token));
        _running[connectionId] = new Running(stop, pump);
    }

    public async Task StopAsync(string connectionId)
    {
        if (_running.TryRemove(connectionId, out var running))
        {
            await running.Stop.CancelAsync();
            await running.Pump;
            running.Stop.Dispose();
        }
    }

    private async Task RunAsync(string connectionId, string tenantId, EventFilter filter, LogPosition? after, HubSink sink, CancellationToken cancellationToken)
    {
        try
        {
            await session.RunAsync(tenantId, filter, after, options.Value.LiveBufferCapacity, sink, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Unsubscribed or disconnected.
        }
        catch (Exception exception)
        {
            LogPumpFailed(logger, connectionId, exception);
        }
    }

    private sealed record Running(CancellationTokenSource Stop, Task Pump);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live subscription of connection {ConnectionId} failed")]
    private static partial void LogPumpFailed(ILogger logger, string connectionId, Exception exception);
}
