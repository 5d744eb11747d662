using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Live;

/// <summary>
/// The gateway's one subscription to the Orleans stream <see cref="LogStream"/>: every notification
/// goes to the <see cref="LiveFeed"/>. A committed event whose <see cref="LogNotification.Previous"/>
/// lies beyond what the feed has handed out reveals a gap (messages lost with a silo): the listener
/// reads the missing events from the log and hands them out first, so subscribers see no hole.
/// </summary>
public sealed partial class LogStreamListener(IClusterClient cluster, LiveFeed feed, ILogger<LogStreamListener> logger) : IHostedService
{
    private const int GapPageSize = 500;
    private static readonly TimeSpan MaxGapRetryDelay = TimeSpan.FromSeconds(2);

    private StreamSubscriptionHandle<LogNotification>? _subscription;
    private long _gapsFilled;
    private bool _knowsWhereHistoryEnds;

    private IEventQueryGrain Queries => cluster.GetGrain<IEventQueryGrain>(0);

    /// <summary>How many gaps the listener has filled from the log.</summary>
    public long GapsFilled => Interlocked.Read(ref _gapsFilled);

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
            feed.AdvanceTo(await Queries.GetLogEndAsync(cancellationToken));
            _knowsWhereHistoryEnds = true;
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
    private async Task OnNextAsync(LogNotification notification, StreamSequenceToken? token)
    {
        if (notification.Previous is { } previous && !_knowsWhereHistoryEnds)
        {
            // The log end was unknown at start: history ends where the reader's first message begins.
            feed.AdvanceTo(previous);
            _knowsWhereHistoryEnds = true;
        }
        else if (notification.Previous is { } behind && behind > feed.Last)
        {
            await FillGapAsync(behind);
        }

        feed.Deliver(notification);
    }

    /// <summary>
    /// Hands out the committed events after <see cref="LiveFeed.Last"/> up to <paramref name="until"/>,
    /// read from the log. Keeps trying while the log cannot be read: nothing after the gap may go out
    /// before it, and the stream holds what comes meanwhile.
    /// </summary>
    private async Task FillGapAsync(LogPosition until)
    {
        LogGap(logger, feed.Last.ToString(), until.ToString());
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                while (feed.Last < until)
                {
                    var page = await Queries.ReadLogAsync(feed.Last, GapPageSize, CancellationToken.None);
                    foreach (var stored in page.Events.TakeWhile(stored => stored.Position <= until))
                    {
                        feed.Deliver(new LogNotification(NotificationKind.Committed, stored));
                    }

                    if (page.Events.Count < GapPageSize || page.Events[^1].Position >= until)
                    {
                        break;
                    }
                }

                Interlocked.Increment(ref _gapsFilled);
                return;
            }
            catch (Exception exception)
            {
                LogGapNotFilled(logger, exception.Message);
                await Task.Delay(delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxGapRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live feed could not read the log end and starts from the beginning: {Reason}")]
    private static partial void LogNoLogEnd(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The live feed missed events after {Last} up to {Until} and reads them from the log")]
    private static partial void LogGap(ILogger logger, string last, string until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live feed could not read a gap from the log yet: {Reason}")]
    private static partial void LogGapNotFilled(ILogger logger, string reason);
}
