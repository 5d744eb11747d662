using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>What a retention run deleted (or would delete), per severity, and how long it took.</summary>
[GenerateSerializer]
[Alias("oe.RetentionReport")]
[Immutable]
public sealed record RetentionReport([Id(0)] bool DryRun, [Id(1)] long Deleted, [Id(2)] IReadOnlyDictionary<Severity, long> BySeverity, [Id(3)] int Batches, [Id(4)] TimeSpan Duration);
