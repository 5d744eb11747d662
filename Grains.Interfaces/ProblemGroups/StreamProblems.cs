namespace OrleansEvents.ProblemGroups;

/// <summary>One stream's report of the open problems one of its commits added.</summary>
[GenerateSerializer]
[Alias("oe.StreamProblems")]
[Immutable]
public sealed record StreamProblems(
    [Id(0)] string Stream,
    [Id(1)] IReadOnlyList<ProblemOccurrence> Occurrences);
