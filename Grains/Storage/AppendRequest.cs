using OrleansEvents.Events;

namespace OrleansEvents.Storage;

/// <summary>
/// One caller's batch for one tenant: stored whole, or not at all when a stream is not at the
/// version the caller expected. Several requests can share one transaction (group commit) without
/// one request's conflict failing the others.
/// </summary>
/// <param name="TenantId">Whose events these are.</param>
/// <param name="Events">Normalized events, stored in this order.</param>
/// <param name="ExpectedVersions">Heads the caller requires: a stream elsewhere fails the whole request with a conflict.</param>
/// <param name="KnownVersions">
/// The stream heads the caller believes current (a stream grain knows its own): a hint that lets the
/// store version the events without reading heads first. A wrong hint costs a second attempt, never a
/// wrong version.
/// </param>
public sealed record AppendRequest(
    string TenantId,
    IReadOnlyList<PendingEvent> Events,
    IReadOnlyDictionary<StreamId, long>? ExpectedVersions = null,
    IReadOnlyDictionary<StreamId, long>? KnownVersions = null);
