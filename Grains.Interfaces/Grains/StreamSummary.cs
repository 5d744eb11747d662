using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>Counts over one stream.</summary>
[GenerateSerializer]
[Alias("oe.StreamSummary")]
[Immutable]
public sealed record StreamSummary(
    [Id(0)] string Stream,
    [Id(1)] long Version,
    [Id(2)] long Total,
    [Id(3)] IReadOnlyDictionary<Severity, long> BySeverity,
    [Id(4)] IReadOnlyDictionary<string, long> ByType,
    [Id(5)] DateTimeOffset? FirstEventAt,
    [Id(6)] DateTimeOffset? LastEventAt,
    [Id(7)] long Unresolved);
