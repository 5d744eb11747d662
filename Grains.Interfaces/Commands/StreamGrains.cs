using OrleansEvents.Events;
using OrleansEvents.Grains;
using OrleansEvents.Validation;

namespace OrleansEvents.Commands;

/// <summary>
/// Finds the grain of a tenant's stream (the stream's kind picks the grain interface), and sends a batch
/// to the grains of the streams it touches. Shared by the silo and by cluster clients, so both route alike.
/// </summary>
public static class StreamGrains
{
    public static IStreamEventsGrain For(this IGrainFactory grains, string tenantId, StreamId stream) =>
        StreamGrainTypes.Of(grains).Get(grains, stream.Kind, StreamGrainKey.Of(tenantId, stream));

    /// <summary>
    /// Validates a batch (every broken rule at once, nothing stored if any), then appends each stream's
    /// events through its grain, all streams at once. Results come back in input order. A batch whose
    /// events all route to one stream goes to that grain as sent: the grain validates it whole, so it is
    /// not validated here a second time.
    /// </summary>
    /// <exception cref="EventValidationException">An event broke a rule; nothing was stored.</exception>
    public static async Task<IReadOnlyList<AppendedEvent>> AppendAsync(
        this IGrainFactory grains, string tenantId, IReadOnlyList<NewEvent> events, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        EventValidator.EnsureValidTenant(tenantId);
        if (OnlyStreamOf(events) is { } sentTo)
        {
            return await grains.For(tenantId, sentTo).AppendBatchAsync(events).WaitAsync(cancellationToken);
        }

        // Several streams, or an event that makes none: the whole batch is validated first, so nothing is stored if one breaks a rule.
        var pending = EventValidator.Normalize(events, now);
        var byStream = pending.Select((e, index) => (Event: e, Index: index)).GroupBy(p => p.Event.Stream).ToList();
        var results = new AppendedEvent[pending.Count];
        await Task.WhenAll(byStream.Select(async group =>
        {
            // Pinned to what validation decided, so the grain's own normalization agrees exactly.
            var pinned = group.Select(p => Pin(p.Event, events[p.Index])).ToList();
            var appended = await grains.For(tenantId, group.Key).AppendBatchAsync(pinned);
            foreach (var (item, result) in group.Zip(appended))
            {
                results[item.Index] = result;
            }
        })).WaitAsync(cancellationToken);
        return results;
    }

    /// <summary>The one stream that every event routes to as sent; null when they route to several, or one cannot be routed.</summary>
    private static StreamId? OnlyStreamOf(IReadOnlyList<NewEvent> events)
    {
        if (events.Count is 0 or > EventLimits.MaxBatchSize || !EventValidator.TryRoute(events[0], out var first))
        {
            return null;
        }

        for (var i = 1; i < events.Count; i++)
        {
            if (!EventValidator.TryRoute(events[i], out var stream) || stream != first)
            {
                return null;
            }
        }

        return first;
    }

    /// <summary>The caller's event with what validation decided filled in; the context is passed on as sent, not parsed again.</summary>
    internal static NewEvent Pin(PendingEvent e, NewEvent sent) => sent with
    {
        EventId = e.EventId,
        Stream = e.Stream.ToString(),
        Timestamp = e.Timestamp,
        Category = e.Category,
        Severity = WireNames.Of(e.Severity),
        EventType = e.EventType,
        Message = e.Message,
        Source = e.Source,
        LeadId = e.LeadId,
        SessionId = e.SessionId,
        DeviceId = e.DeviceId,
        AccountId = e.AccountId,
        WorkflowId = e.WorkflowId,
    };
}
