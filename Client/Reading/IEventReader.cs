using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Client.Reading;

/// <summary>
/// Reads a tenant's events over the gateway's HTTP API and its SignalR hub (the key's tenant; needs
/// <see cref="Hosting.OrleansEventsOptions.Endpoint"/> and a read key, whichever way events are sent).
/// Unlike recording, reading throws when the store cannot answer: the caller asked for an answer.
/// </summary>
public interface IEventReader
{
    /// <summary>Every event matching the filter, page by page (keyset paging by id, <see cref="EventFilter.Limit"/> per page), in the filter's order.</summary>
    IAsyncEnumerable<StoredEvent> QueryAsync(EventFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Open problems (unresolved, warning and above unless <see cref="EventFilter.Severities"/> says otherwise), newest first, up to
    /// <see cref="EventFilter.Limit"/>. Only severities, category, lead, session and device id and the limit apply.
    /// </summary>
    /// <exception cref="ArgumentException">The filter sets a criterion the unresolved list does not take.</exception>
    Task<IReadOnlyList<StoredEvent>> GetUnresolvedAsync(EventFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Resolves events (an earlier resolution is kept) and returns them as stored now.</summary>
    Task<IReadOnlyList<StoredEvent>> ResolveAsync(IEnumerable<long> ids, ResolvedBy resolvedBy, string? note = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Committed events matching the filter, live: the stored ones after <paramref name="fromCursor"/> first (an event's
    /// <see cref="StoredEvent.Position"/>), then new ones as they commit. Reconnects by itself for as long as it is read,
    /// resuming from the last event it received: no gap, no duplicate. Only the filter's criteria apply, not its paging.
    /// </summary>
    IAsyncEnumerable<StoredEvent> SubscribeAsync(EventFilter? filter = null, LogPosition? fromCursor = null, CancellationToken cancellationToken = default);
}
