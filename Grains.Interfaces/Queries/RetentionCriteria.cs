using OrleansEvents.Events;

namespace OrleansEvents.Queries;

/// <summary>
/// Which old events a retention pass removes: those that happened before <see cref="OlderThan"/>,
/// narrowed by severity and category, across every tenant unless <see cref="TenantId"/> is set.
/// </summary>
public sealed record RetentionCriteria
{
    public const int DefaultBatchSize = 5000;

    public required DateTimeOffset OlderThan { get; init; }

    public string? TenantId { get; init; }

    /// <summary>Only these severities; all when null.</summary>
    public IReadOnlyList<Severity>? Severities { get; init; }

    /// <summary>Only these categories; all when null.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Never these categories (they have a policy of their own).</summary>
    public IReadOnlyList<string>? ExcludedCategories { get; init; }

    /// <summary>Keep unresolved problems however old they are.</summary>
    public bool SpareUnresolved { get; init; } = true;

    /// <summary>Rows deleted per transaction, so appends are never blocked for long.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;
}
