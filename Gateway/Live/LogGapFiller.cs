using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Live;

/// <summary>
/// Hands stream notifications to the <see cref="LiveFeed"/>, first reading from the log what the stream
/// lost: a committed event whose <see cref="LogNotification.Previous"/> lies beyond what the feed has
/// handed out reveals a gap (messages lost with a silo, a subscription that lapsed), and the missing
/// events go out before it, so subscribers see no hole and need no resync. Events lost at the tail have no
/// later message to reveal them, so once the stream has been quiet the feed compares itself with the
/// log's end (<see cref="CatchUpWithLogEndAsync"/>).
/// </summary>
public sealed partial class LogGapFiller(LiveFeed feed, Func<IEventQueryGrain> queries, ILogger logger)
{
    private const int PageSize = 500;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    // Deliveries and tail checks take turns: a fill must not hand out an event before one it overtook.
    private readonly SemaphoreSlim _turn = new(1, 1);
    private long _gapsFilled;
    private bool _knowsWhereHistoryEnds;
    private long _heardAt = Stopwatch.GetTimestamp();

    /// <summary>How many gaps were filled from the log.</summary>
    public long GapsFilled => Interlocked.Read(ref _gapsFilled);

    /// <summary>Everything up to <paramref name="position"/> is history, which subscribers read from the log themselves.</summary>
    public void HistoryEndsAt(LogPosition position)
    {
        feed.AdvanceTo(position);
        _knowsWhereHistoryEnds = true;
    }

    public async Task DeliverAsync(LogNotification notification)
    {
        await _turn.WaitAsync();
        try
        {
            if (notification.Previous is { } previous && !_knowsWhereHistoryEnds)
            {
                // The log end was unknown at start: history ends where the reader's first message begins.
                HistoryEndsAt(previous);
            }
            else if (notification.Previous is { } behind && behind > feed.Last)
            {
                await FillAsync(behind);
            }

            feed.Deliver(notification);
            _heardAt = Stopwatch.GetTimestamp();
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// When no message came for <paramref name="quietFor"/>, hands out what the log has committed beyond
    /// <see cref="LiveFeed.Last"/>: the last messages before a silo died, which no later message reveals
    /// while the log is quiet. Events that were only slow come again later and are dropped by position.
    /// </summary>
    public async Task CatchUpWithLogEndAsync(TimeSpan quietFor, CancellationToken cancellationToken = default)
    {
        if (!_knowsWhereHistoryEnds || Stopwatch.GetElapsedTime(_heardAt) < quietFor)
        {
            return;
        }

        await _turn.WaitAsync(cancellationToken);
        try
        {
            LogPosition end;
            try
            {
                end = await queries().GetLogEndAsync(cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogNotFilled(logger, exception.Message);
                return;
            }

            if (end > feed.Last)
            {
                await FillAsync(end, cancellationToken);
            }

            _heardAt = Stopwatch.GetTimestamp();
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// Hands out the committed events after <see cref="LiveFeed.Last"/> up to <paramref name="until"/>.
    /// Keeps trying while the log cannot be read: nothing after the gap may go out before it, and the
    /// stream holds what comes meanwhile.
    /// </summary>
    private async Task FillAsync(LogPosition until, CancellationToken cancellationToken = default)
    {
        LogGap(logger, feed.Last.ToString(), until.ToString());
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                while (feed.Last < until)
                {
                    var page = await queries().ReadLogAsync(feed.Last, PageSize, cancellationToken);
                    foreach (var stored in page.Events.TakeWhile(stored => stored.Position <= until))
                    {
                        feed.Deliver(new LogNotification(NotificationKind.Committed, stored));
                    }

                    if (page.Events.Count < PageSize || page.Events[^1].Position >= until)
                    {
                        break;
                    }
                }

                Interlocked.Increment(ref _gapsFilled);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogNotFilled(logger, exception.Message);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The live feed missed events after {Last} up to {Until} and reads them from the log")]
    private static partial void LogGap(ILogger logger, string last, string until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live feed could not read a gap from the log yet: {Reason}")]
    private static partial void LogNotFilled(ILogger logger, string reason);
}
