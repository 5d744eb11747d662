using Orleans.Concurrency;
using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>
/// What every stream grain offers; one activation per stream of one tenant, keyed by
/// <see cref="StreamGrainKey"/>. Appends, resolutions, edits and deletes of the stream run as turns
/// of its grain, so none of them can race another on the same stream.
/// </summary>
[Alias("oe.IStreamEventsGrain")]
public interface IStreamEventsGrain : IGrainWithStringKey
{
    /// <summary>Appends one event; a repeated event id returns the stored event flagged as a duplicate.</summary>
    /// <remarks>
    /// Interleaves: appends that queue up while one is committing go to the store together in the
    /// next transaction (a hot stream batches what waits behind it). That is safe because an append
    /// only queues; the grain applies queued appends one group at a time under its state gate, which
    /// resolutions, edits and deletes (ordinary turns) take too, so none of them races an append.
    /// </remarks>
    /// <exception cref="StreamVersionConflictException">The stream was not at <paramref name="expectedVersion"/>.</exception>
    [AlwaysInterleave]
    Task<AppendedEvent> AppendAsync(NewEvent newEvent, long? expectedVersion = null);

    /// <summary>Appends a batch in one transaction, all or nothing; every event must belong to this stream.</summary>
    /// <exception cref="StreamVersionConflictException">The stream was not at <paramref name="expectedVersion"/>.</exception>
    [AlwaysInterleave]
    Task<IReadOnlyList<AppendedEvent>> AppendBatchAsync(IReadOnlyList<NewEvent> events, long? expectedVersion = null);

    /// <summary>Events from a version on, in version order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(long fromVersion, int maxCount);

    /// <summary>The stream's head version (0 before the first append).</summary>
    Task<long> GetVersionAsync();

    /// <summary>Open problems, answered from memory: counts by severity and the newest problems.</summary>
    Task<UnresolvedProblems> GetUnresolvedAsync(int maxCount = UnresolvedProblems.DefaultListSize);

    /// <summary>
    /// Resolves events of this stream; an id that is unknown or of another stream is an <see cref="UnknownEventException"/>.
    /// A second resolution keeps the first. <paramref name="resolvedByKey"/> names the API key it came with (never the key).
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ResolveAsync(IReadOnlyList<long> ids, ResolvedBy resolvedBy, string? note = null, string? resolvedByKey = null);

    /// <summary>Reopens resolved events of this stream; unknown or foreign ids are an <see cref="UnknownEventException"/>.</summary>
    Task<IReadOnlyList<StoredEvent>> UnresolveAsync(IReadOnlyList<long> ids);

    /// <summary>
    /// Resolves every open event of this stream in the problem group <paramref name="fingerprint"/>, in one
    /// turn and one statement, so no append or resolution of the stream lands in between; how many it resolved.
    /// </summary>
    Task<long> ResolveProblemGroupAsync(string fingerprint, ResolvedBy resolvedBy, string? note = null, string? resolvedByKey = null);

    /// <summary>Reopens every resolved event of this stream in the problem group <paramref name="fingerprint"/>; how many it reopened.</summary>
    Task<long> UnresolveProblemGroupAsync(string fingerprint);

    /// <summary>Counts by severity and type, first and last event time, unresolved count.</summary>
    Task<StreamSummary> GetSummaryAsync();

    /// <summary>Edits severity, message, context or source of one of this stream's events: the event before and after; null when it is not one.</summary>
    Task<EventEdit?> UpdateAsync(long id, EventUpdate update);

    /// <summary>Deletes one of this stream's events: the event as it was; null when it is not one.</summary>
    Task<StoredEvent?> DeleteAsync(long id);
}
