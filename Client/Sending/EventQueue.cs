using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OrleansEvents.Client.Hosting;
using OrleansEvents.Events;

namespace OrleansEvents.Client.Sending;

/// <summary>
/// The bounded in-memory queue between callers and the sender. Adding never blocks and never fails:
/// when the queue is full its oldest event is dropped and counted, since the newest say most about now.
/// </summary>
internal sealed class EventQueue
{
    private readonly Channel<QueuedEvent> _channel;
    private readonly ClientCounters _counters;
    private readonly TimeProvider _clock;
    private readonly string? _source;
    private readonly bool _tracked;
    private long _accepted;

    public EventQueue(IOptions<OrleansEventsOptions> options, ClientCounters counters, TimeProvider clock)
    {
        _counters = counters;
        _clock = clock;
        _source = options.Value.Source;
        _tracked = options.Value.ThrowOnFailure;
        _channel = Channel.CreateBounded<QueuedEvent>(
            new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            oldest =>
            {
                counters.Dropped(1, DropReasons.QueueFull);
                oldest.Drop(DropReasons.QueueFull, "The client's queue was full; the oldest event was dropped.");
            });
        counters.Meter.CreateObservableGauge(ClientMetrics.QueueLength, () => _channel.Reader.Count, "{event}", "Events waiting in the queue");
    }

    public ChannelReader<QueuedEvent> Reader => _channel.Reader;

    /// <summary>Events accepted so far; a flush waits until those are stored or given up.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>
    /// Queues an event; the task completes at once unless the caller asked to wait until it is stored. The
    /// event id is fixed here, once, so every resend of the event is recognised by the store.
    /// </summary>
    public Task Add(NewEvent newEvent)
    {
        var stamped = newEvent with
        {
            EventId = newEvent.EventId ?? Guid.CreateVersion7().ToString("N"),
            Timestamp = newEvent.Timestamp ?? _clock.GetUtcNow(),
            Source = newEvent.Source ?? _source,
        };
        var queued = new QueuedEvent(stamped, Interlocked.Increment(ref _accepted), _tracked);
        if (_channel.Writer.TryWrite(queued))
        {
            _counters.Queued.Add(1);
        }
        else
        {
            _counters.Dropped(1, DropReasons.Shutdown);
            queued.Drop(DropReasons.Shutdown, "The client has stopped; the event was not queued.");
        }

        return queued.Stored;
    }

    /// <summary>Counts an event that could not even be built (its payload did not serialize) as given up.</summary>
    public Task Reject(Exception problem)
    {
        _counters.Dropped(1, DropReasons.Rejected);
        return _tracked ? Task.FromException(new Recording.EventDeliveryException("", DropReasons.Rejected, problem.Message)) : Task.CompletedTask;
    }

    /// <summary>Takes no more events: the sender drains what is queued, then ends.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
