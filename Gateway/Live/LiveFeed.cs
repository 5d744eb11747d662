using System.Collections.Immutable;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Live;

/// <summary>
/// The gateway's fan-out of log notifications: each notification becomes one <see cref="LiveMessage"/>
/// (serialized at most once) offered to every live subscriber, which filters it for its tenant and
/// criteria. <see cref="LogStreamListener"/> feeds it from the Orleans stream.
/// </summary>
public sealed class LiveFeed
{
    private readonly Lock _gate = new();
    private ImmutableArray<LiveSubscriber> _subscribers = [];
    private LogPosition _last = LogPosition.Start;

    public int SubscriberCount => _subscribers.Length;

    /// <summary>The position of the last committed event handed out (or of the history before the feed started).</summary>
    public LogPosition Last
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
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

    /// <summary>Everything up to <paramref name="position"/> is history: subscribers from now on read it from the log.</summary>
    public void AdvanceTo(LogPosition position)
    {
        lock (_gate)
        {
            _last = position > _last ? position : _last;
        }
    }

    /// <summary>
    /// Hands a notification to every subscriber; never waits on a connection. A committed event at or
    /// before <see cref="Last"/> was handed out already (a reader that resumed elsewhere publishes its
    /// last moments again) and is dropped.
    /// </summary>
    public void Deliver(LogNotification notification)
    {
        ImmutableArray<LiveSubscriber> subscribers;
        lock (_gate)
        {
            // Same lock as Subscribe: a subscriber either sees this message live or starts after it.
            if (notification.Position is { } position)
            {
                if (position <= _last)
                {
                    return;
                }

                _last = position;
            }

            subscribers = _subscribers;
        }

        var message = LiveMessage.Of(notification);
        foreach (var subscriber in subscribers)
        {
            subscriber.Offer(message);
        }
    }

    internal void Remove(LiveSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Remove(subscriber);
        }
    }
}
