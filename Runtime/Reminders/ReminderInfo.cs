namespace OrleansEvents.Runtime.Reminders;

/// <summary>A registered reminder as listed by <c>GetRemindersAsync</c>.</summary>
/// <param name="Name">The reminder's name, unique per grain.</param>
/// <param name="NextDueAt">When the next tick is due (UTC).</param>
/// <param name="Period">The time between ticks.</param>
public sealed record ReminderInfo(string Name, DateTimeOffset NextDueAt, TimeSpan Period);
