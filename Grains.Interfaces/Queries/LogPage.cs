using OrleansEvents.Events;

namespace OrleansEvents.Queries;

/// <summary>Committed events after a position, in log order, and the position to read from next.</summary>
[GenerateSerializer]
[Alias("oe.LogPage")]
[Immutable]
public sealed record LogPage([Id(0)] IReadOnlyList<StoredEvent> Events, [Id(1)] LogPosition Next);
