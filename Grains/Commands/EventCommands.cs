using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Events;
using OrleansEvents.Grains;
using OrleansEvents.Hosting;
using OrleansEvents.Storage;
using OrleansEvents.Validation;

namespace OrleansEvents.Commands;

/// <summary>
/// Every change to events enters here and goes to the grain of the stream it touches, so changes to
/// one stream run one at a time. Reads need no grain: they go to <see cref="IEventLog"/>.
/// </summary>
public sealed class EventCommands(IGrainFactory grains, IEventLog log, [FromKeyedServices(EventClock.Key)] TimeProvider clock)
{
    /// <summary>
    /// Validates a batch (every broken rule at once, nothing stored if any), then appends each stream's
    /// events through its grain, all streams at once. Results come back in input order.
    /// </summary>
    public Task<IReadOnlyList<AppendedEvent>> AppendAsync(string tenantId, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default) =>
        grains.AppendAsync(tenantId, events, clock.GetUtcNow(), cancellationToken);

    /// <summary>Resolves events by id, each through its stream's grain; ids not of this tenant are an <see cref="UnknownEventException"/>.</summary>
    public Task<IReadOnlyList<StoredEvent>> ResolveAsync(
        string tenantId, IReadOnlyList<long> ids, ResolvedBy resolvedBy, string? note, CancellationToken cancellationToken = default) =>
        PerStreamAsync(tenantId, ids, (grain, own) => grain.ResolveAsync(own, resolvedBy, note), cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> UnresolveAsync(string tenantId, IReadOnlyList<long> ids, CancellationToken cancellationToken = default) =>
        PerStreamAsync(tenantId, ids, (grain, own) => grain.UnresolveAsync(own), cancellationToken);

    /// <summary>Edits one event: how it was and how it is; null when the tenant has no such event.</summary>
    public async Task<EventEdit?> UpdateAsync(string tenantId, long id, EventUpdate update, CancellationToken cancellationToken = default)
    {
        EventValidator.Normalize(update);
        var stored = await log.GetAsync(tenantId, id, cancellationToken);
        return stored is null ? null : await grains.For(tenantId, stored.Stream).UpdateAsync(id, update);
    }

    /// <summary>Deletes one event: the event as it was; null when the tenant has no such event.</summary>
    public async Task<StoredEvent?> DeleteAsync(string tenantId, long id, CancellationToken cancellationToken = default)
    {
        var stored = await log.GetAsync(tenantId, id, cancellationToken);
        return stored is null ? null : await grains.For(tenantId, stored.Stream).DeleteAsync(id);
    }

    public IStreamEventsGrain StreamGrain(string tenantId, StreamId stream) => grains.For(tenantId, stream);

    private async Task<IReadOnlyList<StoredEvent>> PerStreamAsync(
        string tenantId, IReadOnlyList<long> ids, Func<IStreamEventsGrain, IReadOnlyList<long>, Task<IReadOnlyList<StoredEvent>>> change,
        CancellationToken cancellationToken)
    {
        var found = await log.GetManyAsync(tenantId, ids, cancellationToken);
        var unknown = ids.Except(found.Select(e => e.Id)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new UnknownEventException(unknown);
        }

        var changed = await Task.WhenAll(found.GroupBy(e => e.Stream)
            .Select(group => change(grains.For(tenantId, group.Key), group.Select(e => e.Id).ToList())));
        return changed.SelectMany(c => c).OrderBy(e => e.Id).ToList();
    }
}
