using OrleansEvents.Events;

namespace OrleansEvents.Storage;

/// <summary>
/// One caller's batch for one tenant: stored whole, or not at all when a stream is not at the
/// version the caller expected. Several requests can share one transaction (group commit) without
/// one request's conflict failing the others.
/// </summary>
public sealed record AppendRequest(string TenantId, IReadOnlyList<PendingEvent> Events, IReadOnlyDictionary<StreamId, long>? ExpectedVersions = null);
