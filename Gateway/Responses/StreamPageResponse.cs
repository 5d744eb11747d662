using OrleansEvents.Events;

namespace OrleansEvents.Gateway.Responses;

/// <summary>Events of one stream in version order; <c>next_version</c> is where to read on, null at the head.</summary>
public sealed record StreamPageResponse(string Stream, long Version, long FromVersion, IReadOnlyList<StoredEvent> Events, long? NextVersion);
