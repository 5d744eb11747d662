using System.Threading.Channels;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Live;

/// <summary>
/// One subscriber's bounded buffer on the <see cref="LiveFeed"/>. The feed only ever tries to write:
/// a full buffer drops the message and marks the subscriber overflowed, so a slow connection never
/// holds up the feed or anyone else.
/// </summary>
public sealed class LiveSubscriber : IDisposable
{
    private readonly LiveFeed _feed;
    private readonly string _tenantId;
    private readonly EventFilter _filter;
    private readonly EventFilter _changeFilter;
    private readonly Channel<LiveMessage> _buffer;
    private readonly Lock _mode = new();
    private int _overflowed;
    private ILiveDirectTarget? _direct;
    private LogPosition? _directLast;

    internal LiveSubscriber(LiveFeed feed, string tenantId, EventFilter filter, int capacity)
    {
        _feed = feed;
        _tenantId = tenantId;
        _filter = filter;

        // A change (resolved, edited) must reach a subscriber of resolved=false too, or it would never learn of it.
        _changeFilter = filter with { Resolved = null };
        _buffer = Channel.CreateBounded<LiveMessage>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
    }

    /// <summary>The log position this subscriber's live messages start after.</summary>
    public LogPosition Start { get; internal set; }

    public ChannelReader<LiveMessage> Reader => _buffer.Reader;

    public bool Matches(StoredEvent stored) => stored.TenantId == _tenantId && EventMatcher.Matches(_filter, stored);

    /// <summary>Whether the feed writes to this subscriber's target itself (for tests that need that moment).</summary>
    internal bool IsDirect
    {
        get
        {
            lock (_mode)
            {
                return _direct is not null;
            }
        }
    }

    /// <summary>True once after messages were dropped; clears the mark.</summary>
    public bool TakeOverflow() => Interlocked.Exchange(ref _overflowed, 0) == 1;

    public void Dispose() => _feed.Remove(this);

    /// <summary>
    /// Lets the feed write to <paramref name="target"/> itself from now on, if nothing is buffered:
    /// everything buffered has then been sent, so direct writes cannot overtake it. Messages at or
    /// before <paramref name="last"/> were already delivered (a catch-up read of the log can run ahead
    /// of the feed) and are skipped.
    /// </summary>
    public bool TryGoDirect(ILiveDirectTarget target, LogPosition last)
    {
        lock (_mode)
        {
            if (_buffer.Reader.Count > 0 || Volatile.Read(ref _overflowed) == 1)
            {
                return false;
            }

            _direct = target;
            _directLast = last;
            return true;
        }
    }

    /// <summary>The later of <paramref name="last"/> and the last position written directly; clears the latter.</summary>
    public LogPosition TakeDirectLast(LogPosition last)
    {
        lock (_mode)
        {
            var direct = _directLast;
            _directLast = null;
            return direct is { } position && position > last ? position : last;
        }
    }

    internal void Offer(LiveMessage message)
    {
        if (message.Event.TenantId != _tenantId
            || !EventMatcher.Matches(message.Kind == NotificationKind.Committed ? _filter : _changeFilter, message.Event))
        {
            return;
        }

        lock (_mode)
        {
            if (_direct is { } direct)
            {
                if (message.Position is { } position && _directLast is { } delivered && position <= delivered)
                {
                    return;
                }

                if (direct.TrySend(message))
                {
                    _directLast = message.Position ?? _directLast;
                    return;
                }

                // Too much unsent on the connection: back to the pump, which resyncs from the log.
                _direct = null;
                Interlocked.Exchange(ref _overflowed, 1);
                _buffer.Writer.TryWrite(message);
                return;
            }

            if (!_buffer.Writer.TryWrite(message))
            {
                Interlocked.Exchange(ref _overflowed, 1);
            }
        }
    }
}
