using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Live;

/// <summary>
/// The gateway's one subscription to the Orleans stream <see cref="LogStream"/>: every notification
/// goes to the <see cref="LiveFeed"/> through a <see cref="LogGapFiller"/>, which first reads from the
/// log whatever the stream lost.
/// </summary>
public sealed partial class LogStreamListener : IHostedService, IDisposable
{
    private readonly IClusterClient _cluster;
    private readonly LogGapFiller _gaps;
    private readonly ILogger<LogStreamListener> _logger;
    /// <summary>How long the stream is quiet before the feed compares itself with the log's end, and how often it does.</summary>
    private static readonly TimeSpan TailCheckEvery = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new();
    private StreamSubscriptionHandle<LogNotification>? _subscription;
    private Task _tailChecks = Task.CompletedTask;

    public LogStreamListener(IClusterClient cluster, LiveFeed feed, ILogger<LogStreamListener> logger)
    {
        _cluster = cluster;
        _logger = logger;
        _gaps = new LogGapFiller(feed, () => Queries, logger);
    }

    /// <summary>How many gaps the listener has filled from the log.</summary>
    public long GapsFilled => _gaps.GapsFilled;

    private IEventQueryGrain Queries => _cluster.GetGrain<IEventQueryGrain>(0);

    /// <summary>
    /// Subscribes first, then learns where the log ends: every event committed after that point is
    /// published after the subscription took effect, so it reaches the feed; everything before it is
    /// history, which subscribers read from the log.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = await _cluster.GetStreamProvider(StreamProviders.Events).GetStream<LogNotification>(LogStream.Id)
            .SubscribeAsync(OnNextAsync);
        try
        {
            _gaps.HistoryEndsAt(await Queries.GetLogEndAsync(cancellationToken));
        }
        catch (StorageUnavailableException exception)
        {
            LogNoLogEnd(_logger, exception.Message);
        }

        _tailChecks = CheckTailAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _tailChecks;
        if (_subscription is not null)
        {
            await _subscription.UnsubscribeAsync();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task CheckTailAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TailCheckEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await _gaps.CatchUpWithLogEndAsync(TailCheckEvery, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <remarks>The feed never waits on a connection, so the pulling agent can hand over the next message at once.</remarks>
    private Task OnNextAsync(LogNotification notification, StreamSequenceToken? token) => _gaps.DeliverAsync(notification);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live feed could not read the log end and takes it from the first message: {Reason}")]
    private static partial void LogNoLogEnd(ILogger logger, string reason);
}
