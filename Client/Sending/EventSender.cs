using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Client.Hosting;
using OrleansEvents.Validation;

namespace OrleansEvents.Client.Sending;

/// <summary>
/// Takes batches off the queue (as many as wait, up to <see cref="OrleansEventsOptions.MaxBatchSize"/>,
/// after at most <see cref="OrleansEventsOptions.BatchDelay"/>) and sends each until the store has it,
/// one batch at a time so events arrive in the order they were recorded. A failed send is retried with
/// backoff and jitter, with the same event ids, so the store keeps each event once. On stop it sends
/// what is queued for up to <see cref="OrleansEventsOptions.ShutdownTimeout"/> and counts the rest as dropped.
/// </summary>
internal sealed partial class EventSender(
    EventQueue queue, IEventTransport transport, ClientCounters counters, IOptions<OrleansEventsOptions> options, TimeProvider clock, ILogger<EventSender> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly Lock _gate = new();
    private readonly List<(long Upto, TaskCompletionSource Done)> _flushes = [];
    private List<QueuedEvent> _inFlight = [];
    private Task? _running;
    private bool _failing;

    /// <summary>Completes when every event accepted before the call has been stored or given up.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _flushes.Add((queue.Accepted, done));
        }

        ReleaseFlushes();
        return done.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not BackgroundService: it may cancel its loop before the loop ever ran when the host stops at
        // once, and then what was queued would be neither sent nor counted.
        _running = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        _abandon.CancelAfter(options.Value.ShutdownTimeout);
        await using var hostGivesUp = cancellationToken.Register(_abandon.Cancel);
        await _stopping.CancelAsync();
        if (_running is { } running)
        {
            await running;
        }
        else
        {
            DropLeftovers(queue.Reader);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _abandon.Dispose();
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var reader = queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_abandon.Token))
            {
                var batch = new List<QueuedEvent>(settings.MaxBatchSize);
                Take(reader, batch, settings.MaxBatchSize);
                if (batch.Count < settings.MaxBatchSize && settings.BatchDelay > TimeSpan.Zero && !stoppingToken.IsCancellationRequested)
                {
                    await WaitAsync(settings.BatchDelay, stoppingToken);
                    Take(reader, batch, settings.MaxBatchSize);
                }

                await SendAsync(batch, _abandon.Token);
                lock (_gate)
                {
                    _inFlight = [];
                }

                ReleaseFlushes();
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // The shutdown time is up.
        }
        catch (Exception failure)
        {
            LogSenderFailed(logger, failure);
        }
        finally
        {
            DropLeftovers(reader);
        }
    }

    private void Take(ChannelReader<QueuedEvent> reader, List<QueuedEvent> batch, int max)
    {
        // Under the gate, so a flush never sees an event neither queued nor in flight.
        lock (_gate)
        {
            while (batch.Count < max && reader.TryRead(out var queued))
            {
                batch.Add(queued);
            }

            _inFlight = batch;
        }
    }

    private async Task SendAsync(List<QueuedEvent> batch, CancellationToken cancellationToken)
    {
        var valid = new List<QueuedEvent>(batch.Count);
        foreach (var queued in batch)
        {
            if (EventValidator.Validate(queued.Event) is { Count: > 0 } errors)
            {
                Reject(queued, string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}")));
            }
            else
            {
                valid.Add(queued);
            }
        }

        if (valid.Count > 0)
        {
            await DeliverAsync(valid, cancellationToken);
        }
    }

    private async Task DeliverAsync(List<QueuedEvent> batch, CancellationToken cancellationToken)
    {
        var events = batch.Select(q => q.Event).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Value.SendTimeout);
                await transport.SendAsync(events, timeout.Token);
                break;
            }
            catch (EventsRejectedException rejected)
            {
                if (batch.Count == 1)
                {
                    Reject(batch[0], rejected.Message);
                    return;
                }

                // Something in the batch breaks a rule the client could not check: find it, send the rest.
                foreach (var queued in batch)
                {
                    await DeliverAsync([queued], cancellationToken);
                }

                return;
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
                if (!_failing)
                {
                    _failing = true;
                    LogSendFailing(logger, batch.Count, failure.Message);
                }

                await Task.Delay(RetryDelays.For(attempt, options.Value.RetryDelay, options.Value.MaxRetryDelay), clock, cancellationToken);
                counters.Retried.Add(batch.Count);
            }
        }

        if (_failing)
        {
            _failing = false;
            LogSendRecovered(logger);
        }

        counters.Sent.Add(batch.Count);
        foreach (var queued in batch)
        {
            queued.Succeed();
        }
    }

    private void Reject(QueuedEvent queued, string reason)
    {
        counters.Dropped(1, DropReasons.Rejected);
        LogRejected(logger, queued.Event.EventType, queued.Event.EventId, reason);
        queued.Drop(DropReasons.Rejected, reason);
    }

    private void DropLeftovers(ChannelReader<QueuedEvent> reader)
    {
        List<QueuedEvent> left;
        lock (_gate)
        {
            left = [.. _inFlight];
            _inFlight = [];
            while (reader.TryRead(out var queued))
            {
                left.Add(queued);
            }
        }

        if (left.Count > 0)
        {
            counters.Dropped(left.Count, DropReasons.Shutdown);
            LogDroppedAtShutdown(logger, left.Count, options.Value.ShutdownTimeout);
            foreach (var queued in left)
            {
                queued.Drop(DropReasons.Shutdown, "The host stopped before the event was sent.");
            }
        }

        ReleaseFlushes(all: true);
    }

    private void ReleaseFlushes(bool all = false)
    {
        lock (_gate)
        {
            var oldestQueued = queue.Reader.TryPeek(out var next) ? next.Sequence : long.MaxValue;
            var oldestInFlight = _inFlight.Count > 0 ? _inFlight.Min(q => q.Sequence) : long.MaxValue;
            var oldestPending = Math.Min(oldestQueued, oldestInFlight);
            for (var i = _flushes.Count - 1; i >= 0; i--)
            {
                if (all || _flushes[i].Upto < oldestPending)
                {
                    _flushes[i].Done.TrySetResult();
                    _flushes.RemoveAt(i);
                }
            }
        }
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, clock, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: send what there is now.
        }
    }
}
