namespace OrleansEvents.Events;

/// <summary>An operator's edit of one event: the event as it was and as it is now, for the answer and the audit trail.</summary>
public sealed record EventEdit(StoredEvent Before, StoredEvent After);
