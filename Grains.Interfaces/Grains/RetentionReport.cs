using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>What a retention run deleted (or would delete), per severity, and how long it took.</summary>
public sealed record RetentionReport(bool DryRun, long Deleted, IReadOnlyDictionary<Severity, long> BySeverity, int Batches, TimeSpan Duration);
