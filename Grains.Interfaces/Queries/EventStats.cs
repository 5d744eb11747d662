using OrleansEvents.Events;

namespace OrleansEvents.Queries;

/// <summary>Counts over a tenant's events.</summary>
public sealed record EventStats
{
    public required long Total { get; init; }

    public required IReadOnlyDictionary<Severity, long> BySeverity { get; init; }

    /// <summary>The most frequent event types, most frequent first.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> ByType { get; init; }

    public required IReadOnlyDictionary<string, long> ByCategory { get; init; }

    /// <summary>Events whose timestamp lies in the 24 hours before the stats were taken.</summary>
    public required long Last24Hours { get; init; }

    public required IReadOnlyDictionary<Severity, long> Last24HoursBySeverity { get; init; }

    /// <summary>
    /// The last 24 UTC hours, oldest first, the current hour last, every hour present (zeros when
    /// empty): what a dashboard draws as a histogram. The first hour may start before the 24-hour window.
    /// </summary>
    public IReadOnlyList<HourlyCounts> Last24HoursByHour { get; init; } = [];

    public required DateTimeOffset? LastEventAt { get; init; }

    /// <summary>Unresolved events of severity warning and above.</summary>
    public required long Unresolved { get; init; }

    public required DateTimeOffset ComputedAt { get; init; }
}
