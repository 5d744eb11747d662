namespace OrleansEvents.Runtime.Reminders;

/// <summary>
/// One tick of a reminder. <see cref="ScheduledAt"/> is the occurrence this tick stands for (after downtime,
/// the latest missed one: missed periods collapse into a single tick), so a handler can be idempotent per occurrence.
/// </summary>
/// <param name="ScheduledAt">The scheduled time of this occurrence (UTC).</param>
/// <param name="Period">The reminder's period.</param>
public sealed record ReminderTick(DateTimeOffset ScheduledAt, TimeSpan Period);
