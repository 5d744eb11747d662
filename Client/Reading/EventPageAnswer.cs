using OrleansEvents.Events;

namespace OrleansEvents.Client.Reading;

/// <summary>The part of a <c>GET /api/events</c> answer the client pages with.</summary>
internal sealed record EventPageAnswer(IReadOnlyList<StoredEvent> Events, long? NextCursor);
