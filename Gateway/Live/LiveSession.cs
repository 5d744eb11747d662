using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Live;

/// <summary>
/// Runs one subscription to its end: first the stored events after the cursor that match (from the
/// gap-free log), then live ones, each committed event exactly once — a live message at or before
/// the last delivered position is skipped. When the subscriber overflows, it is told to resync and
/// caught up from the log again, so even a slow client misses no committed event.
/// </summary>
public sealed class LiveSession(LiveFeed feed, IEventQueryGrain queries)
{
    private const int CatchUpPageSize = 500;
    private const int FlushEvery = 64;

    /// <summary>Joins the live feed; from now on the subscriber buffers live messages until <see cref="RunAsync(LiveSubscriber, LogPosition?, ILiveSink, CancellationToken)"/> drains them.</summary>
    public LiveSubscriber Open(string tenantId, EventFilter filter, int capacity) => feed.Subscribe(tenantId, filter, capacity);

    public Task RunAsync(string tenantId, EventFilter filter, LogPosition? after, int capacity, ILiveSink sink, CancellationToken cancellationToken) =>
        RunAsync(Open(tenantId, filter, capacity), after, sink, cancellationToken);

    /// <summary>Delivers to <paramref name="sink"/> until cancelled, then leaves the feed.</summary>
    public async Task RunAsync(LiveSubscriber subscriber, LogPosition? after, ILiveSink sink, CancellationToken cancellationToken)
    {
        using var joined = subscriber;
        var last = subscriber.Start;
        if (after is { } cursor && !await IsFromThisLogAsync(cursor, cancellationToken))
        {
            // Catching up from it would wait, silently, until this store's ids grow past it.
            await sink.ResyncAsync(last, ResyncReasons.UnknownCursor, cancellationToken);
        }
        else if (after is { } known)
        {
            last = await CatchUpAsync(subscriber, known, sink, cancellationToken);
        }

        var reader = subscriber.Reader;
        var unflushed = 0;
        while (true)
        {
            // Overflow is checked before every message, not only on wake-up: it happens while this
            // loop is busy sending, and no further message may come to wake it afterwards.
            if (subscriber.TakeOverflow())
            {
                while (reader.TryRead(out _))
                {
                }

                await sink.ResyncAsync(last, ResyncReasons.FellBehind, cancellationToken);
                last = await CatchUpAsync(subscriber, last, sink, cancellationToken);
                unflushed = 0;
                continue;
            }

            if (!reader.TryRead(out var message))
            {
                if (unflushed > 0)
                {
                    await sink.FlushAsync(cancellationToken);
                    unflushed = 0;
                    continue;
                }

                // Caught up: where the sink allows it, the feed writes live messages itself from here,
                // and this loop only wakes again when that fails (overflow).
                var direct = sink.Direct is { } target && subscriber.TryGoDirect(target, last);
                if (!await reader.WaitToReadAsync(cancellationToken))
                {
                    return;
                }

                if (direct)
                {
                    last = subscriber.TakeDirectLast(last);
                }

                continue;
            }

            if (message.Position is { } position)
            {
                if (position <= last)
                {
                    continue;
                }

                last = position;
            }

            await sink.SendAsync(message, cancellationToken);
            if (++unflushed >= FlushEvery)
            {
                await sink.FlushAsync(cancellationToken);
                unflushed = 0;
            }
        }
    }

    /// <summary>Whether <paramref name="cursor"/> can be a position of this store's log (not one of another, recreated or restored store).</summary>
    public async Task<bool> IsFromThisLogAsync(LogPosition cursor, CancellationToken cancellationToken) =>
        (await queries.GetLogBoundsAsync(cancellationToken)).Admits(cursor);

    private async Task<LogPosition> CatchUpAsync(LiveSubscriber subscriber, LogPosition from, ILiveSink sink, CancellationToken cancellationToken)
    {
        var position = from;
        while (true)
        {
            var page = await queries.ReadLogAsync(position, CatchUpPageSize, cancellationToken);
            foreach (var stored in page.Events)
            {
                if (subscriber.Matches(stored))
                {
                    await sink.SendAsync(new LiveMessage(NotificationKind.Committed, stored), cancellationToken);
                }
            }

            await sink.FlushAsync(cancellationToken);
            if (page.Events.Count == 0)
            {
                return position;
            }

            position = page.Events[^1].Position;
            if (page.Events.Count < CatchUpPageSize)
            {
                return position;
            }
        }
    }
}
