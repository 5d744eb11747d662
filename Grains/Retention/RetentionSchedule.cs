namespace OrleansEvents.Retention;

/// <summary>The daily occurrences of the retention run: every day at one UTC time of day.</summary>
public static class RetentionSchedule
{
    /// <summary>The latest occurrence at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset LatestAtOrBefore(TimeOnly timeOfDay, DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        var today = new DateTimeOffset(DateOnly.FromDateTime(utc).ToDateTime(timeOfDay), TimeSpan.Zero);
        return today <= now ? today : today.AddDays(-1);
    }

    /// <summary>The first occurrence after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextAfter(TimeOnly timeOfDay, DateTimeOffset now) => LatestAtOrBefore(timeOfDay, now).AddDays(1);
}
