namespace OrleansEvents.ProblemGroups;

/// <summary>What resolving or reopening a whole group did: how many events changed, in how many streams.</summary>
[GenerateSerializer]
[Alias("oe.ProblemGroupChange")]
[Immutable]
public sealed record ProblemGroupChange([Id(0)] string Fingerprint, [Id(1)] long Changed, [Id(2)] int Streams);
