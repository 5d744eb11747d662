using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>Counts over one stream.</summary>
public sealed record StreamSummary(
    string Stream,
    long Version,
    long Total,
    IReadOnlyDictionary<Severity, long> BySeverity,
    IReadOnlyDictionary<string, long> ByType,
    DateTimeOffset? FirstEventAt,
    DateTimeOffset? LastEventAt,
    long Unresolved);
