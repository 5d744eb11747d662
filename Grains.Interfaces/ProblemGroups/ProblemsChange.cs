namespace OrleansEvents.ProblemGroups;

/// <summary>
/// One problem group changed (opened, grew, shrank, closed), published on <see cref="ProblemsStream"/>
/// once per change however many events it took; <see cref="Group"/> is null once the group has no open event.
/// </summary>
[GenerateSerializer]
[Alias("oe.ProblemsChange")]
[Immutable]
public sealed record ProblemsChange([Id(0)] string TenantId, [Id(1)] string Fingerprint, [Id(2)] ProblemGroup? Group);
