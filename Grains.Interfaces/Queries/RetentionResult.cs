using OrleansEvents.Events;

namespace OrleansEvents.Queries;

/// <summary>What a retention pass deleted (or, in a dry run, would delete).</summary>
public sealed record RetentionResult(long Deleted, IReadOnlyDictionary<Severity, long> BySeverity, int Batches);
