namespace OrleansEvents.Events;

/// <summary>An operator's edit of one event: the event as it was and as it is now, for the answer and the audit trail.</summary>
[GenerateSerializer]
[Alias("oe.EventEdit")]
[Immutable]
public sealed record EventEdit([Id(0)] StoredEvent Before, [Id(1)] StoredEvent After);
