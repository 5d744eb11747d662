namespace OrleansEvents.ProblemGroups;

/// <summary>One page of problem groups, and how many groups match in all.</summary>
[GenerateSerializer]
[Alias("oe.ProblemGroupPage")]
[Immutable]
public sealed record ProblemGroupPage([Id(0)] IReadOnlyList<ProblemGroup> Groups, [Id(1)] long Total);
