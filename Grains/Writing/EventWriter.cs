using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Hosting;
using OrleansEvents.Life;
using OrleansEvents.ProblemGroups;
using OrleansEvents.Storage;
using OrleansEvents.Threading;

namespace OrleansEvents.Writing;

/// <summary>
/// The silo's one writer (group commit): appends from many grains wait in one queue and go to the
/// store together, one transaction per flush, and each caller is released only after its
/// transaction committed. A request whose stream moved fails alone. When the database refuses the
/// shared transaction, nothing of it is stored and each request is committed again on its own, so
/// only the one at fault fails; when the store is unreachable, every request in it fails.
/// </summary>
public sealed partial class EventWriter : IAsyncDisposable
{
    private readonly IEventLog _log;
    private readonly LogSignal _committed;
    private readonly ProblemReporter _problems;
    private readonly StorageAvailability _availability;
    private readonly EventWriterOptions _options;
    private readonly ILogger<EventWriter> _logger;
    private readonly Channel<QueuedAppend> _queue;
    private readonly Task[] _flushers;
    private readonly SemaphoreSlim _takeTurn = new(1, 1);
    private readonly TimeProvider _clock;

    public EventWriter(
        IEventLog log, LogSignal committed, ProblemReporter problems, StorageAvailability availability, IOptions<EventWriterOptions> options,
        [FromKeyedServices(EventClock.Key)] TimeProvider clock, ILogger<EventWriter> logger)
    {
        _log = log;
        _committed = committed;
        _problems = problems;
        _availability = availability;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        _queue = Channel.CreateBounded<QueuedAppend>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleWriter = false,
            SingleReader = _options.MaxConcurrentFlushes == 1,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // A blocking store gets a thread per flusher; an asynchronous one is faster on the pool (no hand-over per commit).
        _flushers = Enumerable.Range(0, _options.MaxConcurrentFlushes)
            .Select(i => log.BlocksCallingThread ? DedicatedThread.Run($"OrleansEvents writer {i}", FlushLoopAsync) : Task.Run(FlushLoopAsync))
            .ToArray();
    }

    /// <summary>Queues a request and completes when its transaction has committed (or failed).</summary>
    /// <exception cref="StorageUnavailableException">The store could not be reached; nothing of the request was stored.</exception>
    public async Task<AppendOutcome> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default) =>
        (await AppendAllAsync([request], cancellationToken))[0];

    /// <summary>Most events the writer puts in one transaction; callers that group appends keep to it.</summary>
    public int MaxBatchEvents => _options.MaxBatchEvents;

    /// <summary>
    /// Queues requests that go to the store in the same transaction, in this order (a stream grain's
    /// queued appends); each still succeeds or fails on its own. Outcomes come back in request order.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The store could not be reached; nothing of the requests was stored.</exception>
    public async Task<IReadOnlyList<AppendOutcome>> AppendAllAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken = default)
    {
        if (_availability.IsDown)
        {
            // Fail fast: waiting for a connect timeout per caller helps nobody while the store is known to be away.
            throw new StorageUnavailableException($"Storage is unavailable since {_availability.DownSince:O}: {_availability.Reason}");
        }

        var queued = new QueuedAppend(requests);
        await _queue.Writer.WriteAsync(queued, cancellationToken);
        await using var registration = cancellationToken.Register(() => queued.TryCancel(cancellationToken));
        return await queued.Completion;
    }

    /// <summary>Stops taking appends and waits for the queued ones to be written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_flushers);
        _takeTurn.Dispose();
    }

    private async Task FlushLoopAsync()
    {
        var batch = new List<QueuedAppend>();
        while (await TakeBatchAsync(batch))
        {
            await FlushAsync(batch);
            batch.Clear();
        }
    }

    /// <summary>Takes what is queued, up to the batch size; one flusher at a time, so batches keep queue order.</summary>
    private async Task<bool> TakeBatchAsync(List<QueuedAppend> batch)
    {
        await _takeTurn.WaitAsync();
        try
        {
            if (!await _queue.Reader.WaitToReadAsync())
            {
                return false;
            }

            var events = Drain(batch, 0);
            if (_options.FlushDelay > TimeSpan.Zero && events < _options.MaxBatchEvents)
            {
                using var delay = new CancellationTokenSource(_options.FlushDelay);
                try
                {
                    while (events < _options.MaxBatchEvents && await _queue.Reader.WaitToReadAsync(delay.Token))
                    {
                        events = Drain(batch, events);
                    }
                }
                catch (OperationCanceledException) when (delay.IsCancellationRequested)
                {
                    // The delay is over: write what we have.
                }
            }

            return true;
        }
        finally
        {
            _takeTurn.Release();
        }
    }

    private int Drain(List<QueuedAppend> batch, int events)
    {
        while (events < _options.MaxBatchEvents && _queue.Reader.TryRead(out var queued))
        {
            if (!queued.IsCancelled)
            {
                batch.Add(queued);
                events += queued.EventCount;
            }
        }

        return events;
    }

    private async Task FlushAsync(List<QueuedAppend> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await CommitAsync(batch);
        }
        catch (Exception exception) when (exception is not StorageUnavailableException && batch.Count > 1)
        {
            // One request broke the shared transaction (a row the database refused): commit each
            // request alone, so only the one at fault fails and the others are not punished for it.
            LogIsolating(_logger, batch.Count, exception.Message);
            foreach (var queued in batch)
            {
                await FlushAloneAsync(queued);
            }
        }
        catch (Exception exception)
        {
            Fail(batch, exception);
        }
    }

    private async Task FlushAloneAsync(QueuedAppend queued)
    {
        try
        {
            await CommitAsync([queued]);
        }
        catch (Exception exception)
        {
            Fail([queued], exception);
        }
    }

    private async Task CommitAsync(List<QueuedAppend> batch)
    {
        var requests = batch.SelectMany(q => q.Requests).ToList();
        var outcomes = await _log.AppendManyAsync(requests);
        if (outcomes.SelectMany(o => o.Events).Select(a => a.Event.Position).DefaultIfEmpty(LogPosition.Start).Max() is var highest
            && highest > LogPosition.Start)
        {
            _committed.Notify(highest);
        }

        // Callers hear of their commit once their tenant's new problems are counted (a read of the groups after an
        // append sees it); the next transaction need not wait for that.
        var counted = _problems.Report(requests, outcomes);
        var next = 0;
        foreach (var queued in batch)
        {
            var own = outcomes.Skip(next).Take(queued.Requests.Count).ToList();
            next += queued.Requests.Count;
            if (counted.Count == 0)
            {
                queued.Complete(own);
            }
            else
            {
                _ = CompleteWhenCountedAsync(queued, own, counted);
            }
        }
    }

    private static async Task CompleteWhenCountedAsync(QueuedAppend queued, List<AppendOutcome> outcomes, IReadOnlyDictionary<string, Task<bool>> counted)
    {
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (counted.TryGetValue(queued.Requests[i].TenantId, out var report) && !await report)
            {
                outcomes[i] = outcomes[i] with { ProblemsUnreported = true };
            }
        }

        queued.Complete(outcomes);
    }

    private void Fail(List<QueuedAppend> batch, Exception exception)
    {
        if (exception is StorageUnavailableException)
        {
            _availability.MarkDown(_clock.GetUtcNow(), exception.Message);
        }

        LogFlushFailed(_logger, batch.Count, exception.Message);
        foreach (var queued in batch)
        {
            queued.Fail(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group commit of {Requests} appends failed; committing each alone to find the one at fault: {Reason}")]
    private static partial void LogIsolating(ILogger logger, int requests, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Requests} appends failed and none of them was stored: {Reason}")]
    private static partial void LogFlushFailed(ILogger logger, int requests, string reason);
}
