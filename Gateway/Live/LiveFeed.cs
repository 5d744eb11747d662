using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Queries;
using OrleansEvents.Runtime.Streams;
using OrleansEvents.Storage;

namespace OrleansEvents.Gateway.Live;

/// <summary>
/// The gateway's one subscription to the log notifications of the silo: each notification becomes
/// one <see cref="LiveMessage"/> (serialized at most once) offered to every live subscriber, which
/// filters it for its tenant and criteria.
/// </summary>
public sealed partial class LiveFeed(IStreamProvider streams, IEventLog log, ILogger<LiveFeed> logger) : IHostedService
{
    private readonly Lock _gate = new();
    private ImmutableArray<LiveSubscriber> _subscribers = [];
    private LogPosition _last = LogPosition.Start;
    private StreamSubscription? _subscription;

    public int SubscriberCount => _subscribers.Length;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _last = await log.GetLogEndAsync(cancellationToken);
        }
        catch (StorageUnavailableException exception)
        {
            LogNoLogEnd(logger, exception.Message);
        }

        // Held, not dropped: a notification lost here would be lost to every caught-up subscriber, and
        // handing one out never waits on a connection, so the tailer only ever waits for the CPU.
        _subscription = await streams.GetStream<LogNotification>(LogStream.Namespace, LogStream.Key)
            .SubscribeAsync(OnNotificationAsync, WhenBufferFull.HoldPublisher);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_subscription is not null)
        {
            await _subscription.UnsubscribeAsync();
        }
    }

    /// <summary>
    /// Registers a subscriber. Its <see cref="LiveSubscriber.Start"/> is the position of the last
    /// committed event the feed handed out before it joined: everything after it comes live.
    /// </summary>
    public LiveSubscriber Subscribe(string tenantId, EventFilter filter, int capacity)
    {
        var subscriber = new LiveSubscriber(this, tenantId, filter, capacity);
        lock (_gate)
        {
            _subscribers = _subscribers.Add(subscriber);
            subscriber.Start = _last;
        }

        return subscriber;
    }

    internal void Remove(LiveSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Remove(subscriber);
        }
    }

    private Task OnNotificationAsync(LogNotification notification, CancellationToken cancellationToken)
    {
        var message = LiveMessage.Of(notification);
        ImmutableArray<LiveSubscriber> subscribers;
        lock (_gate)
        {
            // Same lock as Subscribe: a subscriber either sees this message live or starts after it.
            if (message.Position is { } position && position > _last)
            {
                _last = position;
            }

            subscribers = _subscribers;
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Offer(message);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live feed could not read the log end and starts from the beginning: {Reason}")]
    private static partial void LogNoLogEnd(ILogger logger, string reason);
}
