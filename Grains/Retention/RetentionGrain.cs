using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Grains;
using OrleansEvents.Hosting;
using OrleansEvents.Runtime.Grains;
using OrleansEvents.Runtime.Reminders;
using OrleansEvents.Storage;

namespace OrleansEvents.Retention;

/// <summary>
/// Expires old events once a day (a durable reminder at <see cref="RetentionOptions.CleanupTime"/> UTC)
/// and on demand. Each run records <c>retention.cleanup_completed</c> in <c>system/silo</c>; a repeated
/// tick of the same day deletes nothing more and records nothing twice (the event id is the occurrence).
/// </summary>
public sealed partial class RetentionGrain(
    IEventLog log, RetentionEpoch epoch, IOptions<RetentionOptions> options, IOptions<EventsOptions> events, TimeProvider clock,
    ILogger<RetentionGrain> logger) : Grain, IRetentionGrain, IRemindable
{
    public const string ReminderName = "daily-cleanup";

    public Task EnsureScheduledAsync() =>
        RegisterOrUpdateReminderAsync(ReminderName, ReminderSchedule.DailyAt(options.Value.CleanupTimeOfDay));

    public Task<RetentionReport> RunAsync(bool dryRun, string? tenantId = null) => RunAsync(dryRun, occurrence: null, tenantId);

    public async Task ReceiveReminderAsync(string reminderName, ReminderTick tick)
    {
        if (reminderName == ReminderName)
        {
            await RunAsync(dryRun: false, tick.ScheduledAt, tenantId: null);
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
        }

        return report;
    }

    /// <summary>A cluster-wide run is recorded in the system tenant's <c>system/silo</c>; a tenant's own run in its <c>system/retention</c>.</summary>
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
