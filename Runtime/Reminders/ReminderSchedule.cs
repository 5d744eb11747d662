namespace OrleansEvents.Runtime.Reminders;

/// <summary>When a reminder ticks: after a due time and then every period, or every day at a UTC time of day.</summary>
public sealed record ReminderSchedule
{
    private ReminderSchedule(TimeSpan dueTime, TimeSpan period, TimeOnly? dailyAtUtc)
    {
        DueTime = dueTime;
        Period = period;
        DailyAtUtc = dailyAtUtc;
    }

    /// <summary>The delay before the first tick (ignored for daily schedules).</summary>
    public TimeSpan DueTime { get; }

    /// <summary>The time between ticks.</summary>
    public TimeSpan Period { get; }

    /// <summary>The UTC time of day of a daily schedule, or null.</summary>
    public TimeOnly? DailyAtUtc { get; }

    /// <summary>First tick after <paramref name="dueTime"/>, then every <paramref name="period"/>.</summary>
    public static ReminderSchedule Every(TimeSpan dueTime, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        return new ReminderSchedule(dueTime, period, null);
    }

    /// <summary>Every day at <paramref name="timeOfDayUtc"/> (UTC, so no daylight-saving shifts).</summary>
    public static ReminderSchedule DailyAt(TimeOnly timeOfDayUtc) => new(TimeSpan.Zero, TimeSpan.FromDays(1), timeOfDayUtc);

    /// <summary>When the first tick is due if registered at <paramref name="now"/>; for daily schedules the next HH:MM after now.</summary>
    public DateTimeOffset FirstDueAt(DateTimeOffset now)
    {
        if (DailyAtUtc is not { } timeOfDay)
        {
            return now + DueTime;
        }

        var today = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(timeOfDay), TimeSpan.Zero);
        return today > now ? today : today.AddDays(1);
    }
}
