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
    public static IStreamEventsGrain For(this IGrainFactory grains, string tenantId, StreamId stream)
    {
        var key = StreamGrainKey.Of(tenantId, stream);
        return stream.Kind switch
        {
            StreamKind.Session => grains.GetGrain<ISessionEventsGrain>(key),
            StreamKind.Lead => grains.GetGrain<ILeadEventsGrain>(key),
            StreamKind.Device => grains.GetGrain<IDeviceEventsGrain>(key),
            StreamKind.Workflow => grains.GetGrain<IWorkflowEventsGrain>(key),
            StreamKind.System => grains.GetGrain<ISystemEventsGrain>(key),
            _ => throw new ArgumentOutOfRangeException(nameof(stream), stream.Kind, null),
        };
    }

    /// <summary>
    /// Validates a batch (every broken rule at once, nothing stored if any), then appends each stream's
    /// events through its grain, all streams at once. Results come back in input order.
    /// </summary>
    /// <exception cref="EventValidationException">An event broke a rule; nothing was stored.</exception>
    public static async Task<IReadOnlyList<AppendedEvent>> AppendAsync(
        this IGrainFactory grains, string tenantId, IReadOnlyList<NewEvent> events, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        EventValidator.EnsureValidTenant(tenantId);
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
