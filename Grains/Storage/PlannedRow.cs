using OrleansEvents.Events;

namespace OrleansEvents.Storage;

/// <summary>A new event with its tenant and the stream version it will be stored at.</summary>
internal sealed record PlannedRow(string TenantId, PendingEvent Event, long Version);
