using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Events;
using OrleansEvents.Grains;
using OrleansEvents.Hosting;
using OrleansEvents.ProblemGroups;
using OrleansEvents.Queries;
using OrleansEvents.Validation;

namespace OrleansEvents.Commands;

/// <summary>
/// Every change to events enters here and goes to the grain of the stream it touches, so changes to
/// one stream run one at a time. Which stream an event id belongs to is read through <see cref="IEventQueryGrain"/>.
/// </summary>
public sealed class EventCommands(IGrainFactory grains, [FromKeyedServices(EventClock.Key)] TimeProvider clock)
{
    // Resolved per use: a cluster client can make grain references only once it is connected.
    private IEventQueryGrain Queries => grains.GetGrain<IEventQueryGrain>(0);

    /// <summary>
    /// Validates a batch (every broken rule at once, nothing stored if any), then appends each stream's
    /// events through its grain, all streams at once. Results come back in input order.
    /// </summary>
    public Task<IReadOnlyList<AppendedEvent>> AppendAsync(string tenantId, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default) =>
        grains.AppendAsync(tenantId, events, clock.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Appends a batch for one stream through that stream's grain in one transaction, only if the stream
    /// is at <paramref name="expectedVersion"/> (when given; 0 = the stream is new). Every event must
    /// route to <paramref name="stream"/>. The grain validates the whole batch before it stores any of it
    /// (one grain, so all or nothing), so it is not validated here a second time.
    /// </summary>
    /// <exception cref="EventValidationException">An event broke a rule; nothing was stored.</exception>
    /// <exception cref="StreamVersionConflictException">The stream was at another version; nothing was stored.</exception>
    public async Task<IReadOnlyList<AppendedEvent>> AppendToStreamAsync(
        string tenantId, StreamId stream, IReadOnlyList<NewEvent> events, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        EventValidator.EnsureValidTenant(tenantId);
        return await grains.For(tenantId, stream).AppendBatchAsync(events, expectedVersion).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Resolves events by id, each through its stream's grain; ids not of this tenant are an <see cref="UnknownEventException"/>.
    /// <paramref name="resolvedByKey"/> is the name of the caller's API key, stored as resolved_by_key.
    /// </summary>
    public Task<IReadOnlyList<StoredEvent>> ResolveAsync(
        string tenantId, IReadOnlyList<long> ids, ResolvedBy resolvedBy, string? note, string? resolvedByKey = null, CancellationToken cancellationToken = default)
    {
        EventValidator.EnsureValid(new Resolution(resolvedBy, note, resolvedByKey));
        return PerStreamAsync(tenantId, ids, (grain, own) => grain.ResolveAsync(own, resolvedBy, note, resolvedByKey), cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> UnresolveAsync(string tenantId, IReadOnlyList<long> ids, CancellationToken cancellationToken = default) =>
        PerStreamAsync(tenantId, ids, (grain, own) => grain.UnresolveAsync(own), cancellationToken);

    /// <summary>
    /// Resolves every open event of a problem group: each stream's part through that stream's grain, atomically
    /// per stream, while the group's change notification is held so subscribers hear of it once. An event
    /// appended after its stream's part was resolved opens the group again. Null when the tenant has no problem
    /// events of the fingerprint, open or resolved.
    /// </summary>
    public async Task<ProblemGroupChange?> ResolveProblemGroupAsync(
        string tenantId, string fingerprint, ResolvedBy resolvedBy, string? note, string? resolvedByKey = null, CancellationToken cancellationToken = default)
    {
        EventValidator.EnsureValid(new Resolution(resolvedBy, note, resolvedByKey));
        var streams = await ProblemGroups(tenantId).GetStreamsAsync(fingerprint, resolved: false);
        if (streams.Count == 0)
        {
            return await KnownAsync(tenantId, fingerprint) ? new ProblemGroupChange(fingerprint, 0, 0) : null;
        }

        return await PerGroupStreamAsync(tenantId, fingerprint, streams,
            grain => grain.ResolveProblemGroupAsync(fingerprint, resolvedBy, note, resolvedByKey), cancellationToken);
    }

    /// <summary>Reopens every resolved event of a problem group, stream by stream as <see cref="ResolveProblemGroupAsync"/> resolves; null when the group is unknown.</summary>
    public async Task<ProblemGroupChange?> UnresolveProblemGroupAsync(string tenantId, string fingerprint, CancellationToken cancellationToken = default)
    {
        var streams = await ProblemGroups(tenantId).GetStreamsAsync(fingerprint, resolved: true);
        if (streams.Count == 0)
        {
            return await KnownAsync(tenantId, fingerprint) ? new ProblemGroupChange(fingerprint, 0, 0) : null;
        }

        return await PerGroupStreamAsync(tenantId, fingerprint, streams, grain => grain.UnresolveProblemGroupAsync(fingerprint), cancellationToken);
    }

    /// <summary>Edits one event: how it was and how it is; null when the tenant has no such event.</summary>
    public async Task<EventEdit?> UpdateAsync(string tenantId, long id, EventUpdate update, CancellationToken cancellationToken = default)
    {
        EventValidator.Normalize(update);
        var stored = await Queries.GetAsync(tenantId, id, cancellationToken);
        return stored is null ? null : await grains.For(tenantId, stored.Stream).UpdateAsync(id, update);
    }

    /// <summary>Deletes one event: the event as it was; null when the tenant has no such event.</summary>
    public async Task<StoredEvent?> DeleteAsync(string tenantId, long id, CancellationToken cancellationToken = default)
    {
        var stored = await Queries.GetAsync(tenantId, id, cancellationToken);
        return stored is null ? null : await grains.For(tenantId, stored.Stream).DeleteAsync(id);
    }

    public IStreamEventsGrain StreamGrain(string tenantId, StreamId stream) => grains.For(tenantId, stream);

    private IProblemGroupsGrain ProblemGroups(string tenantId) => grains.GetGrain<IProblemGroupsGrain>(tenantId);

    private async Task<bool> KnownAsync(string tenantId, string fingerprint)
    {
        var groups = ProblemGroups(tenantId);
        return (await groups.GetStreamsAsync(fingerprint, resolved: false)).Count > 0
               || (await groups.GetStreamsAsync(fingerprint, resolved: true)).Count > 0;
    }

    private async Task<ProblemGroupChange> PerGroupStreamAsync(
        string tenantId, string fingerprint, IReadOnlyList<string> streams, Func<IStreamEventsGrain, Task<long>> change, CancellationToken cancellationToken)
    {
        var groups = ProblemGroups(tenantId);
        await groups.HoldAsync(fingerprint);
        try
        {
            var changed = await Task.WhenAll(streams.Select(s => change(grains.For(tenantId, StreamId.Parse(s))))).WaitAsync(cancellationToken);
            return new ProblemGroupChange(fingerprint, changed.Sum(), changed.Count(c => c > 0));
        }
        finally
        {
            await groups.ReleaseAsync(fingerprint);
        }
    }

    private async Task<IReadOnlyList<StoredEvent>> PerStreamAsync(
        string tenantId, IReadOnlyList<long> ids, Func<IStreamEventsGrain, IReadOnlyList<long>, Task<IReadOnlyList<StoredEvent>>> change,
        CancellationToken cancellationToken)
    {
        var found = await Queries.GetManyAsync(tenantId, ids, cancellationToken);
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
