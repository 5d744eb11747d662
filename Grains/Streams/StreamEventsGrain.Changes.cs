using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Grains;
using OrleansEvents.Validation;

namespace OrleansEvents.Streams;

public abstract partial class StreamEventsGrain
{
    public Task<IReadOnlyList<StoredEvent>> ResolveAsync(IReadOnlyList<long> ids, ResolvedBy resolvedBy, string? note = null, string? resolvedByKey = null) => UnderGateAsync(async () =>
    {
        var resolution = new Resolution(resolvedBy, note, resolvedByKey);
        EventValidator.EnsureValid(resolution);
        await EnsureOwnAsync(ids);
        var changed = await services.Log.ResolveAsync(TenantId, ids, resolution);
        await ApplyResolutionChangesAsync(changed, NotificationKind.Resolved);
        return changed;
    });

    public Task<IReadOnlyList<StoredEvent>> UnresolveAsync(IReadOnlyList<long> ids) => UnderGateAsync(async () =>
    {
        await EnsureOwnAsync(ids);
        var changed = await services.Log.UnresolveAsync(TenantId, ids);
        await ApplyResolutionChangesAsync(changed, NotificationKind.Unresolved);
        return changed;
    });

    public Task<EventEdit?> UpdateAsync(long id, EventUpdate update) => UnderGateAsync(() => UpdateUnderGateAsync(id, update));

    public Task<StoredEvent?> DeleteAsync(long id) => UnderGateAsync(() => DeleteUnderGateAsync(id));

    /// <remarks>Changes to this stream's events all run in its turns, so what was read first is exactly what the edit replaced.</remarks>
    private async Task<EventEdit?> UpdateUnderGateAsync(long id, EventUpdate update)
    {
        if (await OwnAsync(id) is not { } before || await services.Log.UpdateAsync(TenantId, id, update) is not { } after)
        {
            return null;
        }

        // Severity may have moved the event in or out of the problems; counting again is simplest and rare.
        await ReloadAsync();
        await ReportRecountAsync();
        await services.PublishAsync(new LogNotification(NotificationKind.Updated, after));
        return new EventEdit(before, after);
    }

    private async Task<StoredEvent?> DeleteUnderGateAsync(long id)
    {
        if (await OwnAsync(id) is not { } doomed || !await services.Log.DeleteAsync(TenantId, id))
        {
            return null;
        }

        await ReloadAsync();
        await ReportRecountAsync();
        await services.PublishAsync(new LogNotification(NotificationKind.Deleted, doomed));
        return doomed;
    }

    private async Task ApplyResolutionChangesAsync(IReadOnlyList<StoredEvent> changed, NotificationKind kind)
    {
        foreach (var stored in changed)
        {
            State.ResolutionChanged(stored);
        }

        if (changed.Any(IsProblem))
        {
            await ReportRecountAsync();
        }

        await services.PublishAsync(changed.Select(stored => new LogNotification(kind, stored)).ToList());
    }

    private async Task<StoredEvent?> OwnAsync(long id) =>
        (await services.Log.GetManyAsync(TenantId, [id])).SingleOrDefault(e => e.Stream == Stream);

    /// <summary>Ids of other streams or tenants are reported as unknown: a caller never learns they exist.</summary>
    private async Task EnsureOwnAsync(IReadOnlyList<long> ids)
    {
        var own = (await services.Log.GetManyAsync(TenantId, ids)).Where(e => e.Stream == Stream).Select(e => e.Id).ToHashSet();
        var unknown = ids.Where(id => !own.Contains(id)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new UnknownEventException(unknown);
        }
    }
}
