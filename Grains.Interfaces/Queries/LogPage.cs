using OrleansEvents.Events;

namespace OrleansEvents.Queries;

/// <summary>Committed events after a position, in log order, and the position to read from next.</summary>
public sealed record LogPage(IReadOnlyList<StoredEvent> Events, LogPosition Next);
