using OrleansEvents.Events;

namespace OrleansEvents.Storage;

/// <summary>
/// Optimistic concurrency for an append: each named stream must be at exactly this version
/// (0 = never written) before the batch's new events go in.
/// </summary>
public sealed record AppendOptions(IReadOnlyDictionary<StreamId, long>? ExpectedVersions = null);
