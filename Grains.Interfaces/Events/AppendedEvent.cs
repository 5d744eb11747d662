namespace OrleansEvents.Events;

/// <summary>The outcome of appending one event: the stored event, and whether its event id was already stored.</summary>
public sealed record AppendedEvent(StoredEvent Event, bool IsDuplicate);
