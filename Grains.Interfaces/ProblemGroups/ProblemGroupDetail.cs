using OrleansEvents.Events;

namespace OrleansEvents.ProblemGroups;

/// <summary>A problem group with its newest open events, newest first.</summary>
[GenerateSerializer]
[Alias("oe.ProblemGroupDetail")]
[Immutable]
public sealed record ProblemGroupDetail([Id(0)] ProblemGroup Group, [Id(1)] IReadOnlyList<StoredEvent> Events);
