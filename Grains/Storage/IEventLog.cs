using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Storage;

/// <summary>
/// The durable event log. Every read and write is scoped to a tenant except the global log read
/// (fan-out) and retention (cluster-wide). Implementations: PostgreSQL (production, clusters) and
/// SQLite (the embedded default); both pass one contract suite.
/// </summary>
public interface IEventLog
{
    /// <summary>
    /// True when the store does its I/O on the calling thread (SQLite): a loop that calls it all the
    /// time belongs on a thread of its own rather than on one the thread pool needs for requests.
    /// </summary>
    bool BlocksCallingThread { get; }

    /// <summary>
    /// Validates and stores a batch in one transaction: all of it or, on any broken rule or conflict,
    /// none of it. An event id already stored is not stored again; its stored event comes back flagged.
    /// </summary>
    /// <exception cref="Validation.EventValidationException">An event broke a rule of docs/architecture.md §3.</exception>
    /// <exception cref="StreamVersionConflictException">A stream was not at its expected version.</exception>
    /// <exception cref="StorageUnavailableException">The store could not be reached.</exception>
    Task<IReadOnlyList<AppendedEvent>> AppendAsync(
        string tenantId, IReadOnlyList<NewEvent> events, AppendOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores several requests in one transaction (group commit). Each request is all or nothing on
    /// its own: a stream at an unexpected version fails only its request, reported in its outcome.
    /// The events must be normalized by <see cref="Validation.EventValidator"/>.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The store could not be reached; no request was stored.</exception>
    Task<IReadOnlyList<AppendOutcome>> AppendManyAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken = default);

    /// <summary>Events of one stream from a version on, in version order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(
        string tenantId, StreamId stream, long fromVersion, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The stream's head version; 0 when nothing was ever appended to it.</summary>
    Task<long> GetStreamVersionAsync(string tenantId, StreamId stream, CancellationToken cancellationToken = default);

    /// <summary>
    /// Committed events of every tenant after a position, in an order in which no event can be skipped:
    /// an event whose transaction is still running holds back everything after it.
    /// </summary>
    Task<LogPage> ReadLogAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The position after the last settled event: a reader starting here sees only what commits from now on.</summary>
    Task<LogPosition> GetLogEndAsync(CancellationToken cancellationToken = default);

    /// <summary>The transaction ids and event ids this store has handed out so far; no cursor of this store lies beyond them.</summary>
    Task<LogBounds> GetLogBoundsAsync(CancellationToken cancellationToken = default);

    /// <summary>One page of the events matching a filter.</summary>
    Task<EventPage> QueryAsync(string tenantId, EventFilter filter, CancellationToken cancellationToken = default);

    Task<StoredEvent?> GetAsync(string tenantId, long id, CancellationToken cancellationToken = default);

    /// <summary>The tenant's events among the given ids, in id order; ids of other tenants or of no event are left out.</summary>
    Task<IReadOnlyList<StoredEvent>> GetManyAsync(string tenantId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Unresolved events of one stream at or above a severity, newest first.</summary>
    Task<IReadOnlyList<StoredEvent>> GetUnresolvedAsync(
        string tenantId, StreamId stream, Severity minSeverity, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Counts over one stream: by severity and type, unresolved by severity, first and last event time.</summary>
    Task<StreamCounts> CountStreamAsync(string tenantId, StreamId stream, CancellationToken cancellationToken = default);

    /// <summary>Resolves the given events that are still open; returns those it changed. An earlier resolution is kept.</summary>
    Task<IReadOnlyList<StoredEvent>> ResolveAsync(
        string tenantId, IReadOnlyCollection<long> ids, Resolution resolution, CancellationToken cancellationToken = default);

    /// <summary>Reopens the given resolved events; returns those it changed.</summary>
    Task<IReadOnlyList<StoredEvent>> UnresolveAsync(
        string tenantId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Counts by severity, type and category, the last 24 hours, the last event time and open problems.</summary>
    Task<EventStats> GetStatsAsync(string tenantId, int topTypes = 20, CancellationToken cancellationToken = default);

    /// <summary>Changes severity, message, context or source; null when the event does not exist.</summary>
    Task<StoredEvent?> UpdateAsync(string tenantId, long id, EventUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Deletes one event; false when it does not exist.</summary>
    Task<bool> DeleteAsync(string tenantId, long id, CancellationToken cancellationToken = default);

    /// <summary>Deletes old events in bounded batches, one transaction each, so appends continue in between.</summary>
    Task<RetentionResult> DeleteOlderThanAsync(RetentionCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>What <see cref="DeleteOlderThanAsync"/> would delete, per severity, without deleting.</summary>
    Task<RetentionResult> CountOlderThanAsync(RetentionCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>
    /// A tenant's open problems (or one stream's) counted by stream, event type, severity, the JSON values of
    /// <paramref name="keys"/> in the context, and hour from <paramref name="hourlySince"/> on: what problem groups are built from.
    /// </summary>
    Task<IReadOnlyList<OpenProblemCount>> CountOpenProblemsAsync(
        string tenantId, StreamId? stream, Severity minSeverity, IReadOnlyList<string> keys, DateTimeOffset hourlySince,
        CancellationToken cancellationToken = default);

    /// <summary>The streams of <paramref name="kind"/> with open (or resolved) problems of this event type.</summary>
    Task<IReadOnlyList<string>> GetProblemStreamsAsync(
        string tenantId, StreamKind kind, string eventType, bool resolved, Severity minSeverity, CancellationToken cancellationToken = default);

    /// <summary>Throws <see cref="StorageUnavailableException"/> unless the store answers.</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}
