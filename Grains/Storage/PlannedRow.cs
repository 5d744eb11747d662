using System.Text.Json;
using OrleansEvents.Events;

namespace OrleansEvents.Storage;

/// <summary>
/// A new event with its tenant and the stream version it will be stored at; <paramref name="HeadBefore"/>
/// is the stream's head this transaction started from, which the store can check the version against.
/// </summary>
internal sealed record PlannedRow(string TenantId, PendingEvent Event, long Version, long HeadBefore)
{
    /// <summary>The row as stored, from what was sent and what the store assigned: a new row is never resolved.</summary>
    public StoredEvent Stored(long id, ulong transactionId, DateTimeOffset recordedAt) => new()
    {
        Id = id,
        EventId = Event.EventId,
        TenantId = TenantId,
        Stream = Event.Stream,
        Version = Version,
        Position = new LogPosition(transactionId, id),
        Timestamp = Event.Timestamp,
        RecordedAt = recordedAt,
        Category = Event.Category,
        Severity = Event.Severity,
        EventType = Event.EventType,
        Message = Event.Message,
        Source = Event.Source,
        LeadId = Event.LeadId,
        SessionId = Event.SessionId,
        DeviceId = Event.DeviceId,
        AccountId = Event.AccountId,
        WorkflowId = Event.WorkflowId,
        Context = Event.ContextJson is { } json ? JsonElement.Parse(json) : null,
    };
}
