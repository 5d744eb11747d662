using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using OrleansEvents.Events;
using OrleansEvents.Hosting;
using OrleansEvents.Storage;
using OrleansEvents.Threading;

namespace OrleansEvents.Fanout;

/// <summary>
/// The silo's one reader of the committed log: it follows the log in gap-free order (docs/architecture.md §6)
/// and publishes each committed event once, in order, on the Orleans stream <see cref="LogStream"/>.
/// It wakes right after local commits and polls for other silos'. Each successful read is a
/// heartbeat; <see cref="LastProgressAt"/> tells health checks whether it is stuck.
/// </summary>
public sealed partial class LogTailer(
    IEventLog log, LogSignal committed, IClusterClient cluster, IOptions<LogTailerOptions> options, [FromKeyedServices(EventClock.Key)] TimeProvider clock,
    ILogger<LogTailer> logger)
    : BackgroundService
{
    private static readonly TimeSpan UnsettledRetry = TimeSpan.FromMilliseconds(2);

    private readonly Lazy<IAsyncStream<LogNotification>> _stream =
        new(() => cluster.GetStreamProvider(StreamProviders.Events).GetStream<LogNotification>(LogStream.Id));
    private long _lastProgressTicks = clock.GetUtcNow().UtcTicks;
    private LogPosition _position = LogPosition.Start;
    private LogPosition? _startedAt;
    private bool _failing;
    private long? _behindSince;
    private LogPosition _gaveUpOn = LogPosition.Start;
    private long _localCommitsLeftToThePoll;

    /// <summary>When the tailer last read the log successfully.</summary>
    public DateTimeOffset LastProgressAt => new(Interlocked.Read(ref _lastProgressTicks), TimeSpan.Zero);

    /// <summary>The position after the last event published.</summary>
    public LogPosition Position => _position;

    /// <summary>How often the tailer stopped rereading for a local commit it could not read and left it to the poll.</summary>
    internal long LocalCommitsLeftToThePoll => Interlocked.Read(ref _localCommitsLeftToThePoll);

    public bool IsStalled => clock.GetUtcNow() - LastProgressAt > options.Value.StallAfter;

    /// <summary>
    /// Learns where the log ends before the host starts anything registered after it, the server
    /// among them: every commit the silo accepts comes after that position and is published.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _startedAt = await log.GetLogEndAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store went away since the migration: start anyway, unready, and keep asking in the
            // background. Nothing commits meanwhile, for the writer needs the store too.
            NoteFailure(exception);
        }

        await base.StartAsync(cancellationToken);
    }

    // Reading a blocking store (SQLite) all the time would hold a pool thread that requests need.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => log.BlocksCallingThread
        ? DedicatedThread.Run("OrleansEvents log tailer", () => FollowAsync(stoppingToken))
        : FollowAsync(stoppingToken);

    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        try
        {
            _position = _startedAt ?? await StartPositionAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var caughtUp = await ReadOnceAsync(stoppingToken);
                if (caughtUp && IsBehindLocalCommit())
                {
                    // A local commit is not readable yet: an older transaction somewhere in the database
                    // still runs. That is a wait on the database, not on a schedule, so it is real time.
                    await Task.Delay(UnsettledRetry, TimeProvider.System, stoppingToken);
                }
                else if (caughtUp)
                {
                    // Polling for commits nobody signalled (another silo's, or one given up on above) is a
                    // wait on the database too, so real time: on a test's stopped clock it would never end.
                    await committed.WaitAsync(options.Value.PollInterval, TimeProvider.System, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// True while a position this silo committed has not been read yet. Given up after a while: the
    /// event may be gone (deleted before it was read), and the regular wait covers the rest.
    /// </summary>
    private bool IsBehindLocalCommit()
    {
        var highest = committed.HighestCommitted;
        if (_position >= highest || highest <= _gaveUpOn)
        {
            _behindSince = null;
            return false;
        }

        _behindSince ??= Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(_behindSince.Value) > options.Value.LocalCommitWait)
        {
            Interlocked.Increment(ref _localCommitsLeftToThePoll);
            _gaveUpOn = highest;
            _behindSince = null;
            return false;
        }

        return true;
    }

    // Subscribers replay history from the store by cursor; the tailer only carries what commits from now on.
    private async Task<LogPosition> StartPositionAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return await log.GetLogEndAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                NoteFailure(exception);
                await Task.Delay(options.Value.PollInterval * 4, TimeProvider.System, stoppingToken);
            }
        }
    }

    /// <summary>Reads one page and publishes it; true when the tailer has caught up with the log.</summary>
    private async Task<bool> ReadOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var page = await log.ReadLogAsync(_position, options.Value.PageSize, stoppingToken);
            if (page.Events.Count > 0)
            {
                // One stream message per page: it is queued whole or not at all, so a failed publish is
                // retried from the same position without handing anyone part of the page twice.
                await _stream.Value.OnNextBatchAsync(page.Events.Select(stored => new LogNotification(NotificationKind.Committed, stored)).ToList());
            }

            _position = page.Next;
            Interlocked.Exchange(ref _lastProgressTicks, clock.GetUtcNow().UtcTicks);
            if (_failing)
            {
                _failing = false;
                LogRecovered(logger, _position.ToString());
            }

            return page.Events.Count < options.Value.PageSize;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Never die: a tailer that stops publishes nothing and says nothing. Keep trying; readiness
            // reports the stall. Waiting for the store to come back is real time, as the polls are.
            NoteFailure(exception);
            await Task.Delay(options.Value.PollInterval * 4, TimeProvider.System, stoppingToken);
            return false;
        }
    }

    private void NoteFailure(Exception exception)
    {
        if (!_failing)
        {
            _failing = true;
            LogReadFailed(logger, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The log tailer cannot read the log and will keep trying: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The log tailer reads the log again, at {Position}")]
    private static partial void LogRecovered(ILogger logger, string position);
}
