using OrleansEvents.Events;

namespace OrleansEvents.Queries;

/// <summary>How many events of each severity have their timestamp in the UTC hour starting at <see cref="Hour"/>.</summary>
[GenerateSerializer]
[Alias("oe.HourlyCounts")]
[Immutable]
public sealed record HourlyCounts([Id(0)] DateTimeOffset Hour, [Id(1)] IReadOnlyDictionary<Severity, long> BySeverity);
