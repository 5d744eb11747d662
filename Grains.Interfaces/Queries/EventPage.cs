using OrleansEvents.Events;

namespace OrleansEvents.Queries;

/// <summary>
/// One page of a query. <see cref="NextCursor"/> is the id to pass as <c>BeforeId</c> (descending)
/// or <c>AfterId</c> (ascending) for the next page, or null when this page is the last.
/// </summary>
public sealed record EventPage(IReadOnlyList<StoredEvent> Events, long? NextCursor, long? Total);
