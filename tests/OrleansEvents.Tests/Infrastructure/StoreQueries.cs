using OrleansEvents.Events;
using OrleansEvents.Hosting;
using OrleansEvents.Queries;
using OrleansEvents.Storage;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>The gateway's reads answered by a real store without a silo between, for tests of the gateway's own logic.</summary>
internal sealed class StoreQueries(IEventLog log) : IEventQueryGrain
{
    public Task<EventPage> QueryAsync(string tenantId, EventFilter filter, CancellationToken cancellationToken = default) => log.QueryAsync(tenantId, filter, cancellationToken);

    public Task<StoredEvent?> GetAsync(string tenantId, long id, CancellationToken cancellationToken = default) => log.GetAsync(tenantId, id, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> GetManyAsync(string tenantId, IReadOnlyList<long> ids, CancellationToken cancellationToken = default) =>
        log.GetManyAsync(tenantId, [.. ids], cancellationToken);

    public Task<LogPage> ReadLogAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default) => log.ReadLogAsync(after, maxCount, cancellationToken);

    public Task<LogPosition> GetLogEndAsync(CancellationToken cancellationToken = default) => log.GetLogEndAsync(cancellationToken);

    public Task<LogBounds> GetLogBoundsAsync(CancellationToken cancellationToken = default) => log.GetLogBoundsAsync(cancellationToken);

    public Task<StorageDescription> DescribeStorageAsync() => Task.FromResult(new StorageDescription("test", "test"));

    public Task PingStorageAsync(CancellationToken cancellationToken = default) => log.PingAsync(cancellationToken);
}
