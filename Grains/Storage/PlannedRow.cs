using OrleansEvents.Events;

namespace OrleansEvents.Storage;

/// <summary>
/// A new event with its tenant and the stream version it will be stored at; <paramref name="HeadBefore"/>
/// is the stream's head this transaction started from, which the store can check the version against.
/// </summary>
internal sealed record PlannedRow(string TenantId, PendingEvent Event, long Version, long HeadBefore);
