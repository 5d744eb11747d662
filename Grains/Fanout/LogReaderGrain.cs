using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.Streams;
using OrleansEvents.Events;
using OrleansEvents.Hosting;
using OrleansEvents.Storage;

namespace OrleansEvents.Fanout;

/// <summary>
/// Follows the committed log in gap-free order (docs/architecture.md §6) and publishes each page once
/// on <see cref="LogStream"/>, every event carrying the position of the one before it. Silos that
/// commit wake it; a timer reads too, for a wake lost with a silo. Each read is a heartbeat. The
/// cursor is stored every <see cref="LogReaderOptions.SaveCursorEvery"/>: a reader that resumes on a
/// survivor publishes at most that much again, which subscribers drop by position.
/// </summary>
[GrainType("events.log-reader")]
public sealed partial class LogReaderGrain(
    [PersistentState("log-reader", GrainStorages.Events)] IPersistentState<LogReaderCursor> cursor,
    IEventLog log, IOptions<LogReaderOptions> options, [FromKeyedServices(EventClock.Key)] TimeProvider clock,
    ILocalSiloDetails silo, ILogger<LogReaderGrain> logger) : Grain, ILogReaderGrain
{
    private static readonly TimeSpan UnsettledRetry = TimeSpan.FromMilliseconds(2);

    private IAsyncStream<LogNotification>? _stream;
    private LogPosition? _position;
    private LogPosition _highestWoken = LogPosition.Start;
    private LogPosition _gaveUpOn = LogPosition.Start;
    private DateTimeOffset _lastProgressAt;
    private long _savedTicks;
    private long? _behindSince;
    private long _commitsLeftToThePoll;
    private bool _failing;

    private LogReaderOptions Options => options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = this.GetStreamProvider(StreamProviders.Events).GetStream<LogNotification>(LogStream.Id);
        _lastProgressAt = clock.GetUtcNow();
        _savedTicks = Stopwatch.GetTimestamp();
        if (cursor.RecordExists && clock.GetUtcNow() - cursor.State.SavedAt <= Options.ResumeWithin)
        {
            _position = cursor.State.Position;
            LogResumed(logger, _position.Value.ToString(), cursor.State.SavedAt);
        }
        else
        {
            await StartAtLogEndAsync(cancellationToken);
        }

        this.RegisterGrainTimer(ReadAsync, new GrainTimerCreationOptions(Options.PollInterval, Options.PollInterval) { KeepAlive = true });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await SaveCursorAsync();
    }

    public async Task WakeAsync(LogPosition committed)
    {
        if (committed > _highestWoken)
        {
            _highestWoken = committed;
        }

        // Wakes for what an earlier read already published cost nothing: a burst of commits is one read.
        if (_position is not { } position || committed > position)
        {
            await ReadAsync(CancellationToken.None);
        }
    }

    public Task<LogReaderStatus> GetStatusAsync() => Task.FromResult(new LogReaderStatus(
        _position ?? LogPosition.Start, _lastProgressAt, clock.GetUtcNow() - _lastProgressAt > Options.StallAfter,
        silo.SiloAddress.ToString(), _commitsLeftToThePoll));

    /// <summary>Reads and publishes until caught up with the log and with every commit it was woken for.</summary>
    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        if (_position is null && !await StartAtLogEndAsync(cancellationToken))
        {
            return;
        }

        try
        {
            while (true)
            {
                var caughtUp = await ReadPageAsync(cancellationToken);
                if (!caughtUp)
                {
                    continue;
                }

                if (!await WaitForUnsettledCommitAsync(cancellationToken))
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Never give up: the timer reads again, and readiness reports the stall meanwhile.
            NoteFailure(exception);
        }

        if (Stopwatch.GetElapsedTime(_savedTicks) >= Options.SaveCursorEvery)
        {
            await SaveCursorAsync();
        }
    }

    /// <summary>Reads one page and publishes it; true when the reader has caught up with the log.</summary>
    private async Task<bool> ReadPageAsync(CancellationToken cancellationToken)
    {
        var from = _position!.Value;
        var page = await log.ReadLogAsync(from, Options.PageSize, cancellationToken);
        if (page.Events.Count > 0)
        {
            // One stream message per page: it is queued whole or not at all, so a failed publish is
            // retried from the same position without handing anyone part of the page twice.
            var notifications = new List<LogNotification>(page.Events.Count);
            var previous = from;
            foreach (var stored in page.Events)
            {
                notifications.Add(new LogNotification(NotificationKind.Committed, stored) { Previous = previous });
                previous = stored.Position;
            }

            await _stream!.OnNextBatchAsync(notifications);
        }

        _position = page.Next;
        _lastProgressAt = clock.GetUtcNow();
        if (_failing)
        {
            _failing = false;
            LogRecovered(logger, page.Next.ToString());
        }

        return page.Events.Count < Options.PageSize;
    }

    /// <summary>
    /// True (after a short pause) while a commit the reader was woken for is not readable yet: an older
    /// transaction somewhere in the database still runs. Given up after <see cref="LogReaderOptions.CommitWait"/>:
    /// the event may be gone (deleted before it was read), and the poll covers the rest.
    /// </summary>
    private async Task<bool> WaitForUnsettledCommitAsync(CancellationToken cancellationToken)
    {
        if (_position >= _highestWoken || _highestWoken <= _gaveUpOn)
        {
            _behindSince = null;
            return false;
        }

        _behindSince ??= Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(_behindSince.Value) > Options.CommitWait)
        {
            _commitsLeftToThePoll++;
            _gaveUpOn = _highestWoken;
            _behindSince = null;
            return false;
        }

        // A wait on the database, not on a schedule, so real time: a test's stopped clock would never end it.
        await Task.Delay(UnsettledRetry, TimeProvider.System, cancellationToken);
        return true;
    }

    /// <summary>Subscribers replay history from the log by cursor; a reader with nothing to resume carries what commits from now on.</summary>
    private async Task<bool> StartAtLogEndAsync(CancellationToken cancellationToken)
    {
        try
        {
            _position = await log.GetLogEndAsync(cancellationToken);
            _lastProgressAt = clock.GetUtcNow();
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            NoteFailure(exception);
            return false;
        }
    }

    private async Task SaveCursorAsync()
    {
        if (_position is not { } position || (cursor.RecordExists && cursor.State.Position == position))
        {
            _savedTicks = Stopwatch.GetTimestamp();
            return;
        }

        try
        {
            cursor.State = new LogReaderCursor { TransactionId = position.TransactionId, Id = position.Id, SavedAt = clock.GetUtcNow() };
            await cursor.WriteStateAsync();
            _savedTicks = Stopwatch.GetTimestamp();
        }
        catch (Exception exception)
        {
            // A second activation during a membership change, or the store away: the next save tries again.
            LogCursorNotSaved(logger, exception.Message);
            if (exception is InconsistentStateException)
            {
                await cursor.ReadStateAsync();
            }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "The log reader resumes at {Position}, stored at {SavedAt:O}")]
    private static partial void LogResumed(ILogger logger, string position, DateTimeOffset savedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The log reader cannot read the log and will keep trying: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The log reader reads the log again, at {Position}")]
    private static partial void LogRecovered(ILogger logger, string position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The log reader could not store its cursor: {Reason}")]
    private static partial void LogCursorNotSaved(ILogger logger, string reason);
}
