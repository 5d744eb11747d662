using Orleans.Concurrency;
using OrleansEvents.Events;
using OrleansEvents.Hosting;
using OrleansEvents.Storage;

namespace OrleansEvents.Queries;

/// <summary>Reads straight from the store of the silo that took the call; as many activations as calls need.</summary>
[GrainType("events.queries")]
[StatelessWorker]
internal sealed class EventQueryGrain(IEventLog log, StorageDescription storage) : Grain, IEventQueryGrain
{
    public Task<EventPage> QueryAsync(string tenantId, EventFilter filter, CancellationToken cancellationToken) =>
        log.QueryAsync(tenantId, filter, cancellationToken);

    public Task<StoredEvent?> GetAsync(string tenantId, long id, CancellationToken cancellationToken) =>
        log.GetAsync(tenantId, id, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> GetManyAsync(string tenantId, IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        log.GetManyAsync(tenantId, [.. ids], cancellationToken);

    public Task<LogPage> ReadLogAsync(LogPosition after, int maxCount, CancellationToken cancellationToken) =>
        log.ReadLogAsync(after, maxCount, cancellationToken);

    public Task<LogPosition> GetLogEndAsync(CancellationToken cancellationToken) => log.GetLogEndAsync(cancellationToken);

    public Task<LogBounds> GetLogBoundsAsync(CancellationToken cancellationToken) => log.GetLogBoundsAsync(cancellationToken);

    public Task<StorageDescription> DescribeStorageAsync() => Task.FromResult(storage);

    public Task PingStorageAsync(CancellationToken cancellationToken) => log.PingAsync(cancellationToken);
}
