using Microsoft.Extensions.Logging;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Live;

/// <summary>
/// Hands stream notifications to the <see cref="LiveFeed"/>, first reading from the log what the stream
/// lost: a committed event whose <see cref="LogNotification.Previous"/> lies beyond what the feed has
/// handed out reveals a gap (messages lost with a silo, a subscription that lapsed), and the missing
/// events go out before it, so subscribers see no hole and need no resync.
/// </summary>
public sealed partial class LogGapFiller(LiveFeed feed, Func<IEventQueryGrain> queries, ILogger logger)
{
    private const int PageSize = 500;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    private long _gapsFilled;
    private bool _knowsWhereHistoryEnds;

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
    }

    /// <summary>
    /// Hands out the committed events after <see cref="LiveFeed.Last"/> up to <paramref name="until"/>.
    /// Keeps trying while the log cannot be read: nothing after the gap may go out before it, and the
    /// stream holds what comes meanwhile.
    /// </summary>
    private async Task FillAsync(LogPosition until)
    {
        LogGap(logger, feed.Last.ToString(), until.ToString());
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                while (feed.Last < until)
                {
                    var page = await queries().ReadLogAsync(feed.Last, PageSize, CancellationToken.None);
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
            catch (Exception exception)
            {
                LogNotFilled(logger, exception.Message);
                await Task.Delay(delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The live feed missed events after {Last} up to {Until} and reads them from the log")]
    private static partial void LogGap(ILogger logger, string last, string until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live feed could not read a gap from the log yet: {Reason}")]
    private static partial void LogNotFilled(ILogger logger, string reason);
}
