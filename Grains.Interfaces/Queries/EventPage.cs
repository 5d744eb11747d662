using OrleansEvents.Events;

namespace OrleansEvents.Queries;

/// <summary>
/// One page of a query. <see cref="NextCursor"/> is the id to pass as <c>BeforeId</c> (descending)
/// or <c>AfterId</c> (ascending) for the next page, or null when this page is the last.
/// </summary>
[GenerateSerializer]
[Alias("oe.EventPage")]
[Immutable]
public sealed record EventPage([Id(0)] IReadOnlyList<StoredEvent> Events, [Id(1)] long? NextCursor, [Id(2)] long? Total);
