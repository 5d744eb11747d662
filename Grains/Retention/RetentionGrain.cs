using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Grains;
using OrleansEvents.Hosting;
using OrleansEvents.Storage;
using StreamId = OrleansEvents.Events.StreamId;

namespace OrleansEvents.Retention;

/// <summary>
/// Expires old events once a day (an Orleans reminder due at <see cref="RetentionOptions.CleanupTime"/> UTC)
/// and on demand. Each run records <c>retention.cleanup_completed</c> in <c>system/silo</c>. The last
/// occurrence that ran is grain state, so a repeated tick, a second silo or a restart runs no day twice,
/// and a day missed while the silo was down runs once when it is back.
/// </summary>
[GrainType("events.retention")]
public sealed partial class RetentionGrain(
    [PersistentState("retention", GrainStorages.Events)] IPersistentState<RetentionHistory> history,
    IEventLog log, RetentionEpoch epoch, IOptions<RetentionOptions> options, IOptions<EventsOptions> events,
    [FromKeyedServices(EventClock.Key)] TimeProvider clock, ILogger<RetentionGrain> logger) : Grain, IRetentionGrain, IRemindable
{
    public const string ReminderName = "daily-cleanup";

    private TimeOnly CleanupTime => options.Value.CleanupTimeOfDay;

    public async Task EnsureScheduledAsync()
    {
        var now = clock.GetUtcNow();
        if (history.State.ScheduledSince is null)
        {
            history.State = history.State with { ScheduledSince = now };
            await history.WriteStateAsync();
        }

        var period = options.Value.ReminderPeriod;
        var untilNext = RetentionSchedule.NextAfter(CleanupTime, now) - now;
        await this.RegisterOrUpdateReminder(ReminderName, untilNext < period ? untilNext : period, period);
        await RunDueAsync();
    }

    public Task<RetentionReport> RunAsync(bool dryRun, string? tenantId = null) => RunAsync(dryRun, occurrence: null, tenantId);

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? RunDueAsync() : Task.CompletedTask;

    /// <summary>Runs the latest occurrence of the daily time unless it ran already or came before the schedule did.</summary>
    private async Task RunDueAsync()
    {
        var occurrence = RetentionSchedule.LatestAtOrBefore(CleanupTime, clock.GetUtcNow());
        var state = history.State;
        if (occurrence > state.ScheduledSince && (state.LastOccurrence is not { } last || occurrence > last))
        {
            await RunAsync(dryRun: false, occurrence, tenantId: null);
        }
    }

    private async Task<RetentionReport> RunAsync(bool dryRun, DateTimeOffset? occurrence, string? tenantId)
    {
        var started = Stopwatch.GetTimestamp();
        var bySeverity = Enum.GetValues<Severity>().ToDictionary(s => s, _ => 0L);
        var batches = 0;
        foreach (var criteria in RetentionPolicy.Criteria(options.Value, clock.GetUtcNow()).Select(c => c with { TenantId = tenantId }))
        {
            var result = dryRun ? await log.CountOlderThanAsync(criteria) : await log.DeleteOlderThanAsync(criteria);
            batches += result.Batches;
            foreach (var (severity, count) in result.BySeverity)
            {
                bySeverity[severity] += count;
            }
        }

        var report = new RetentionReport(dryRun, bySeverity.Values.Sum(), bySeverity, batches, Stopwatch.GetElapsedTime(started));
        if (!dryRun)
        {
            if (report.Deleted > 0)
            {
                epoch.Advance();
            }

            LogCompleted(logger, report.Deleted, report.Batches, report.Duration.TotalMilliseconds);
            await RecordAsync(report, occurrence, tenantId);
            history.State = history.State.With(new RetentionRun(
                clock.GetUtcNow(), occurrence, tenantId ?? "cluster", report.Deleted, report.Batches, report.Duration));
            await history.WriteStateAsync();
        }

        return report;
    }

    /// <summary>
    /// A cluster-wide run is recorded in the system tenant's <c>system/silo</c>; a tenant's own run in its
    /// <c>system/retention</c>. A daily run's event id is its occurrence: should the state write after it
    /// fail, running the day again records nothing twice.
    /// </summary>
    private Task RecordAsync(RetentionReport report, DateTimeOffset? occurrence, string? tenantId)
    {
        var context = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["deleted"] = report.Deleted,
            ["by_severity"] = report.BySeverity.ToDictionary(p => WireNames.Of(p.Key), p => p.Value),
            ["batches"] = report.Batches,
            ["duration_ms"] = Math.Round(report.Duration.TotalMilliseconds, 1),
            ["scheduled_at"] = occurrence,
            ["trigger"] = occurrence is null ? "on_demand" : "daily",
            ["scope"] = tenantId ?? "cluster",
        });
        var systemStream = StreamId.System(tenantId is null ? "silo" : "retention");
        return GrainFactory.For(tenantId ?? events.Value.SystemTenant, systemStream).AppendAsync(new NewEvent
        {
            EventId = occurrence is { } at ? $"retention.cleanup_completed/{at.UtcDateTime:O}" : null,
            Stream = systemStream.ToString(),
            Category = "retention",
            EventType = "retention.cleanup_completed",
            Severity = "info",
            Source = "silo",
            Message = $"Retention deleted {report.Deleted} events in {report.Batches} batches",
            Context = context,
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Deleted} events in {Batches} batches ({Milliseconds:0} ms)")]
    private static partial void LogCompleted(ILogger logger, long deleted, int batches, double milliseconds);
}
