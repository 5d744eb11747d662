using OrleansEvents.Events;
using OrleansEvents.Hosting;

namespace OrleansEvents.Queries;

/// <summary>
/// Every read the gateway makes, answered by the event store in the silo that takes the call (a
/// stateless worker), so a gateway outside the cluster reads exactly as one inside it does. Reads
/// need no stream grain: what is committed is in the store.
/// </summary>
[Alias("oe.IEventQueryGrain")]
public interface IEventQueryGrain : IGrainWithIntegerKey
{
    [Alias("Query")]
    Task<EventPage> QueryAsync(string tenantId, EventFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The tenant's event with this id; null when it has none.</summary>
    [Alias("Get")]
    Task<StoredEvent?> GetAsync(string tenantId, long id, CancellationToken cancellationToken = default);

    /// <summary>The tenant's events among these ids, in id order; ids it does not have are left out.</summary>
    [Alias("GetMany")]
    Task<IReadOnlyList<StoredEvent>> GetManyAsync(string tenantId, IReadOnlyList<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Committed events of every tenant after a position, in log order.</summary>
    [Alias("ReadLog")]
    Task<LogPage> ReadLogAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The position after the last committed event: where a new subscriber's live part starts.</summary>
    [Alias("GetLogEnd")]
    Task<LogPosition> GetLogEndAsync(CancellationToken cancellationToken = default);

    /// <summary>Which cursors this store could have handed out.</summary>
    [Alias("GetLogBounds")]
    Task<LogBounds> GetLogBoundsAsync(CancellationToken cancellationToken = default);

    /// <summary>Which store the silos use; answers without touching it.</summary>
    [Alias("DescribeStorage")]
    Task<StorageDescription> DescribeStorageAsync();

    /// <summary>Asks the store a trivial question.</summary>
    /// <exception cref="StorageUnavailableException">The store did not answer.</exception>
    [Alias("PingStorage")]
    Task PingStorageAsync(CancellationToken cancellationToken = default);
}
