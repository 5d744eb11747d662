using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Hosting;
using OrleansEvents.Gateway.Live;
using OrleansEvents.Gateway.Responses;
using OrleansEvents.Grains;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Hubs;

/// <summary>
/// The running subscription of each hub connection. Hub instances live for one call, so the pump
/// that feeds a connection lives here, until the connection subscribes anew or goes away.
/// </summary>
public sealed partial class HubSubscriptions(
    LiveSession session, IGrainFactory grains, IHubContext<EventsHub, IEventsClient> hub, HubLifetimeManager<EventsHub> lifetime, IOptions<GatewayOptions> options, ILogger<HubSubscriptions> logger)
{
    private readonly ConcurrentDictionary<string, Running> _running = new(StringComparer.Ordinal);

    /// <summary>Starts the connection's subscription; returns the cursor its events come after (the given one, or the live end when none was given or it is not of this store).</summary>
    public async Task<LogPosition> StartAsync(string connectionId, string tenantId, EventFilter filter, LogPosition? after)
    {
        await StopAsync(connectionId);
        var stop = new CancellationTokenSource();
        var subscriber = session.Open(tenantId, filter, options.Value.LiveBufferCapacity);
        var direct = lifetime is EventsHubLifetimeManager connections && connections.TryGetConnection(connectionId, out var connection)
            ? new HubDirectTarget(connection, options.Value.LiveBufferCapacity)
            : null;
        var sink = new HubSink(hub, connectionId, direct);
        var pump = Task.Run(() => RunAsync(connectionId, subscriber, after, sink, stop.Token));
        var stats = Task.Run(() => SendStatsAsync(connectionId, tenantId, stop.Token));
        _running[connectionId] = new Running(stop, Task.WhenAll(pump, stats));
        return after is { } cursor && await session.IsFromThisLogAsync(cursor, CancellationToken.None) ? cursor : subscriber.Start;
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

    private async Task RunAsync(string connectionId, LiveSubscriber subscriber, LogPosition? after, HubSink sink, CancellationToken cancellationToken)
    {
        try
        {
            await session.RunAsync(subscriber, after, sink, cancellationToken);
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

    /// <summary>The tenant's counts at subscribe and then every <see cref="GatewayOptions.HubStatsInterval"/>, from the stats grain's cache.</summary>
    private async Task SendStatsAsync(string connectionId, string tenantId, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.HubStatsInterval);
            do
            {
                var stats = await grains.GetGrain<IStatsGrain>(tenantId).GetStatsAsync();
                await hub.Clients.Client(connectionId).stats(StatsResponse.Of(stats));
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Unsubscribed or disconnected.
        }
        catch (Exception exception)
        {
            LogStatsFailed(logger, connectionId, exception.Message);
        }
    }

    private sealed record Running(CancellationTokenSource Stop, Task Pump);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live subscription of connection {ConnectionId} failed")]
    private static partial void LogPumpFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stats for connection {ConnectionId} stopped: {Reason}")]
    private static partial void LogStatsFailed(ILogger logger, string connectionId, string reason);
}
