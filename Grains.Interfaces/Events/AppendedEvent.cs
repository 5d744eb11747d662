namespace OrleansEvents.Events;

/// <summary>The outcome of appending one event: the stored event, and whether its event id was already stored.</summary>
[GenerateSerializer]
[Alias("oe.AppendedEvent")]
[Immutable]
public sealed record AppendedEvent([Id(0)] StoredEvent Event, [Id(1)] bool IsDuplicate);
