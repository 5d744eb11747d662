using OrleansEvents.Events;

namespace OrleansEvents.ProblemGroups;

/// <summary>A newly committed open problem, as a stream grain reports it to its tenant's <see cref="IProblemGroupsGrain"/>.</summary>
[GenerateSerializer]
[Alias("oe.ProblemOccurrence")]
[Immutable]
public sealed record ProblemOccurrence(
    [Id(0)] string Fingerprint,
    [Id(1)] long Id,
    [Id(2)] long Version,
    [Id(3)] Severity Severity,
    [Id(4)] DateTimeOffset Timestamp,
    [Id(5)] string Message);
