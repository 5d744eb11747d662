using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Live;

/// <summary>The gateway's one subscription to the Orleans stream <see cref="LogStream"/>: every notification goes to the <see cref="LiveFeed"/>.</summary>
public sealed partial class LogStreamListener(IClusterClient cluster, LiveFeed feed, ILogger<LogStreamListener> logger) : IHostedService
{
    private StreamSubscriptionHandle<LogNotification>? _subscription;

    /// <summary>
    /// Subscribes first, then learns where the log ends: every event committed after that point is
    /// published after the subscription took effect, so it reaches the feed; everything before it is
    /// history, which subscribers read from the log.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = await cluster.GetStreamProvider(StreamProviders.Events).GetStream<LogNotification>(LogStream.Id)
            .SubscribeAsync(OnNextAsync);
        try
        {
            feed.AdvanceTo(await cluster.GetGrain<IEventQueryGrain>(0).GetLogEndAsync(cancellationToken));
        }
        catch (StorageUnavailableException exception)
        {
            LogNoLogEnd(logger, exception.Message);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_subscription is not null)
        {
            await _subscription.UnsubscribeAsync();
        }
    }

    /// <remarks>The feed never waits on a connection, so the pulling agent can hand over the next message at once.</remarks>
    private Task OnNextAsync(LogNotification notification, StreamSequenceToken? token)
    {
        feed.Deliver(notification);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live feed could not read the log end and starts from the beginning: {Reason}")]
    private static partial void LogNoLogEnd(ILogger logger, string reason);
}
