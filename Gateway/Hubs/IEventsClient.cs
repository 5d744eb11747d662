using OrleansEvents.Gateway.Live;

namespace OrleansEvents.Gateway.Hubs;

/// <summary>
/// The messages a dashboard receives. The method names are the wire names of the issue
/// (<c>event</c>, <c>eventResolved</c>, …), which SignalR takes verbatim from these methods —
/// hence camelCase here. Payloads are snake_case JSON, serialized once per message.
/// </summary>
#pragma warning disable IDE1006 // Wire names, not .NET names.
public interface IEventsClient
{
    /// <summary>A newly committed event (with its <c>position</c>, the cursor to resume after).</summary>
    Task @event(PreSerializedJson storedEvent);

    /// <summary>An event was resolved or reopened.</summary>
    Task eventResolved(PreSerializedJson storedEvent);

    /// <summary>An operator edited an event.</summary>
    Task eventUpdated(PreSerializedJson storedEvent);

    /// <summary>An operator deleted an event.</summary>
    Task eventDeleted(PreSerializedJson storedEvent);

    /// <summary>A stored event re-published by a replay: <c>{ replay_id, event }</c>.</summary>
    Task replayed(PreSerializedJson replay);

    /// <summary>The tenant's counts (see GET /api/events/stats).</summary>
    Task stats(Responses.StatsResponse stats);

    /// <summary>A problem group of the tenant changed: once per change, however many events it took (see GET /api/problems).</summary>
    Task problemsChanged(Responses.ProblemsChangedResponse change);

    /// <summary>Refetch what you show: the connection fell behind or its cursor is unknown; see <see cref="ResyncNotice"/>.</summary>
    Task resync(ResyncNotice notice);
}
#pragma warning restore IDE1006
