using OrleansEvents.Events;

namespace OrleansEvents.Queries;

/// <summary>How many events of each severity have their timestamp in the UTC hour starting at <see cref="Hour"/>.</summary>
public sealed record HourlyCounts(DateTimeOffset Hour, IReadOnlyDictionary<Severity, long> BySeverity);
