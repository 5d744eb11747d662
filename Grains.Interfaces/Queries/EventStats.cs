using OrleansEvents.Events;

namespace OrleansEvents.Queries;

/// <summary>Counts over a tenant's events.</summary>
[GenerateSerializer]
[Alias("oe.EventStats")]
[Immutable]
public sealed record EventStats
{
    [Id(0)]
    public required long Total { get; init; }

    [Id(1)]
    public required IReadOnlyDictionary<Severity, long> BySeverity { get; init; }

    /// <summary>The most frequent event types, most frequent first.</summary>
    [Id(2)]
    public required IReadOnlyList<KeyValuePair<string, long>> ByType { get; init; }

    [Id(3)]
    public required IReadOnlyDictionary<string, long> ByCategory { get; init; }

    /// <summary>Events whose timestamp lies in the 24 hours before the stats were taken.</summary>
    [Id(4)]
    public required long Last24Hours { get; init; }

    [Id(5)]
    public required IReadOnlyDictionary<Severity, long> Last24HoursBySeverity { get; init; }

    /// <summary>
    /// The last 24 UTC hours, oldest first, the current hour last, every hour present (zeros when
    /// empty): what a dashboard draws as a histogram. The first hour may start before the 24-hour window.
    /// </summary>
    [Id(6)]
    public IReadOnlyList<HourlyCounts> Last24HoursByHour { get; init; } = [];

    [Id(7)]
    public required DateTimeOffset? LastEventAt { get; init; }

    /// <summary>Unresolved events of severity warning and above.</summary>
    [Id(8)]
    public required long Unresolved { get; init; }

    [Id(9)]
    public required DateTimeOffset ComputedAt { get; init; }
}
