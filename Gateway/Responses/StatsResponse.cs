using System.Text.Json.Serialization;
using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Responses;

/// <summary>A tenant's counts, keyed by wire names (severities lowercase, types most frequent first).</summary>
public sealed record StatsResponse(
    long Total,
    IReadOnlyDictionary<string, long> BySeverity,
    IReadOnlyDictionary<string, long> ByType,
    IReadOnlyDictionary<string, long> ByCategory,
    [property: JsonPropertyName("last_24h")] long Last24h,
    [property: JsonPropertyName("last_24h_by_severity")] IReadOnlyDictionary<string, long> Last24hBySeverity,
    DateTimeOffset? LastEventAt,
    long Unresolved,
    DateTimeOffset ComputedAt)
{
    public static StatsResponse Of(EventStats stats) => new(
        stats.Total,
        BySeverityOf(stats.BySeverity),
        stats.ByType.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        stats.ByCategory.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        stats.Last24Hours,
        BySeverityOf(stats.Last24HoursBySeverity),
        stats.LastEventAt,
        stats.Unresolved,
        stats.ComputedAt);

    /// <summary>Every severity, zero when absent, so clients need not guess missing keys.</summary>
    public static IReadOnlyDictionary<string, long> BySeverityOf(IReadOnlyDictionary<Severity, long> counts) =>
        Enum.GetValues<Severity>().ToDictionary(WireNames.Of, s => counts.GetValueOrDefault(s), StringComparer.Ordinal);
}
