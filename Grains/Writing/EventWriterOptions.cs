using System.ComponentModel.DataAnnotations;

namespace OrleansEvents.Writing;

/// <summary>How the silo's single writer groups appends into transactions. Section <c>Events:Writer</c>.</summary>
public sealed class EventWriterOptions
{
    public const string SectionName = "Events:Writer";

    /// <summary>Most events in one transaction. Default 1 000.</summary>
    [Range(1, 100_000)]
    public int MaxBatchEvents { get; set; } = 1000;

    /// <summary>
    /// How long a transaction waits for more appends after the first one arrives. Default 0: appends
    /// that arrive while a transaction is committing already form the next one, so waiting only adds latency
    /// unless callers are few and commits are cheap.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan FlushDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Transactions in flight at once. Default 1 for SQLite (one writer anyway); PostgreSQL may use more.</summary>
    [Range(1, 64)]
    public int MaxConcurrentFlushes { get; set; } = 1;

    /// <summary>Appends waiting for a transaction before callers wait to enqueue. Default 10 000.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;
}
