using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Runtime.Diagnostics;
using OrleansEvents.Runtime.Placement;
using OrleansEvents.Runtime.References;

namespace OrleansEvents.Runtime.Reminders;

/// <summary>
/// Every poll interval, leases the due reminders no other silo holds, delivers each tick as a call to the
/// grain's <see cref="IRemindable.ReceiveReminderAsync"/>, then moves the reminder to its next occurrence
/// after now. A tick that fails is logged and not retried: the next occurrence comes as scheduled.
/// </summary>
internal sealed partial class ReminderPoller(
    IReminderTable table,
    GrainCallDispatcher dispatcher,
    SiloAddress silo,
    TimeProvider timeProvider,
    IOptions<ReminderOptions> options,
    RuntimeMetrics metrics,
    ILogger<ReminderPoller> logger) : IHostedService, IDisposable
{
    private static readonly GrainMethod<object> ReceiveReminder = (GrainMethod<object>)GrainMethodTable.For(typeof(IRemindable))
        [typeof(IRemindable).GetMethod(nameof(IRemindable.ReceiveReminderAsync))!];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.PollInterval;
        _timer = timeProvider.CreateTimer(static state => _ = ((ReminderPoller)state!).PollInBackgroundAsync(), this, interval, interval);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);

        // Let a poll in progress finish its ticks so that their leases are released. Past the host's
        // shutdown deadline, stop waiting: the leases expire by themselves.
        try
        {
            // Wait(0) first: WaitAsync throws on a cancelled token even when the gate is free.
            if (!_gate.Wait(0))
            {
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            _gate.Release();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStoppedMidPoll(logger);
        }
    }

    /// <summary>Fires every reminder due now and returns when their ticks have been delivered and recorded.</summary>
    public async Task FireDueRemindersAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var settings = options.Value;
            IReadOnlyList<ReminderEntry> claimed;
            do
            {
                var now = timeProvider.GetUtcNow();
                claimed = await table.ClaimDueAsync(now, silo.Id, now + settings.LeaseDuration, settings.ClaimBatchSize, cancellationToken)
                    .ConfigureAwait(false);
                await Task.WhenAll(claimed.Select(entry => FireAsync(entry, now, cancellationToken))).ConfigureAwait(false);
            }
            while (claimed.Count == settings.ClaimBatchSize && !cancellationToken.IsCancellationRequested);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _stopping.Dispose();
        _gate.Dispose();
    }

    private async Task FireAsync(ReminderEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tick = new ReminderTick(entry.LatestOccurrence(now), entry.Period);
        try
        {
            await dispatcher.Call(entry.Grain, ReceiveReminder, [entry.Name, tick]).ConfigureAwait(false);
            metrics.ReminderTicked();
        }
        catch (Exception error)
        {
            TickFailed(logger, entry.Grain.ToString(), entry.Name, tick.ScheduledAt, error);
        }

        var next = entry.NextOccurrenceAfter(timeProvider.GetUtcNow());
        await table.CompleteAsync(entry, silo.Id, next, cancellationToken).ConfigureAwait(false);
    }

    private async Task PollInBackgroundAsync()
    {
        try
        {
            await FireDueRemindersAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception error)
        {
            PollFailed(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Name} of {Grain} scheduled at {ScheduledAt} failed")]
    private static partial void TickFailed(ILogger logger, string grain, string name, DateTimeOffset scheduledAt, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The host's shutdown deadline passed during a reminder poll; its leases will expire by themselves")]
    private static partial void LogStoppedMidPoll(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling the reminders table failed; retrying at the next interval")]
    private static partial void PollFailed(ILogger logger, Exception error);
}
