using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Runtime.Reminders;

/// <summary>One row of the reminders table.</summary>
/// <param name="Grain">The grain that owns the reminder.</param>
/// <param name="Name">The reminder's name, unique per grain.</param>
/// <param name="DueAt">When the next tick is due (UTC).</param>
/// <param name="Period">The time between ticks.</param>
public sealed record ReminderEntry(GrainId Grain, string Name, DateTimeOffset DueAt, TimeSpan Period)
{
    /// <summary>
    /// The latest occurrence at or before <paramref name="now"/>: the one a late tick stands for when periods
    /// were missed during downtime.
    /// </summary>
    public DateTimeOffset LatestOccurrence(DateTimeOffset now) =>
        now <= DueAt ? DueAt : DueAt + TimeSpan.FromTicks((now - DueAt).Ticks / Period.Ticks * Period.Ticks);

    /// <summary>The first occurrence strictly after <paramref name="now"/>; missed occurrences are skipped, not queued.</summary>
    public DateTimeOffset NextOccurrenceAfter(DateTimeOffset now) => LatestOccurrence(now) + Period;
}
