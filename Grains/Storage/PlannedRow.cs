using OrleansEvents.Events;

namespace OrleansEvents.Storage;

/// <summary>A new event with the stream version it will be stored at.</summary>
internal sealed record PlannedRow(PendingEvent Event, long Version);
