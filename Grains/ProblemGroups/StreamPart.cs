using OrleansEvents.Events;

namespace OrleansEvents.ProblemGroups;

/// <summary>One stream's open events of one problem group: counts by severity, time span, the newest, and counts per hour.</summary>
internal sealed class StreamPart
{
    public long[] BySeverity { get; } = new long[4];

    public DateTimeOffset First { get; private set; } = DateTimeOffset.MaxValue;

    public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>The highest stream version counted: an occurrence at or below it is already in.</summary>
    public long MaxVersion { get; private set; }

    public long SampleId { get; private set; }

    public string SampleMessage { get; set; } = "";

    /// <summary>Open events by hour since the Unix epoch, for the hours of the sparkline window.</summary>
    public Dictionary<long, long> Hourly { get; } = [];

    public long Open => BySeverity.Sum();

    public void Add(ProblemOccurrence occurrence, long windowStartHour)
    {
        Count(occurrence.Severity, 1, occurrence.Timestamp, occurrence.Timestamp, occurrence.Version, occurrence.Id);
        var hour = HourOf(occurrence.Timestamp);
        if (hour >= windowStartHour)
        {
            Hourly[hour] = Hourly.GetValueOrDefault(hour) + 1;
        }

        if (occurrence.Id == SampleId)
        {
            SampleMessage = occurrence.Message;
        }
    }

    /// <summary>Adds a row of counts read from the store.</summary>
    public void Add(Storage.OpenProblemCount counted)
    {
        Count(counted.Severity, counted.Count, counted.First, counted.Last, counted.MaxVersion, counted.MaxId);
        if (counted.Hour is { } hour)
        {
            Hourly[hour] = Hourly.GetValueOrDefault(hour) + counted.Count;
        }
    }

    public void ForgetHoursBefore(long windowStartHour)
    {
        foreach (var old in Hourly.Keys.Where(h => h < windowStartHour).ToList())
        {
            Hourly.Remove(old);
        }
    }

    public static long HourOf(DateTimeOffset time) => (long)Math.Floor((time - DateTimeOffset.UnixEpoch).TotalHours);

    private void Count(Severity severity, long count, DateTimeOffset first, DateTimeOffset last, long version, long id)
    {
        BySeverity[(int)severity] += count;
        First = first < First ? first : First;
        Last = last > Last ? last : Last;
        MaxVersion = Math.Max(MaxVersion, version);
        if (id > SampleId)
        {
            SampleId = id;
            SampleMessage = "";
        }
    }
}
