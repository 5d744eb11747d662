using OrleansEvents.Events;

namespace OrleansEvents.Queries;

/// <summary>
/// Which events a query returns and how it pages. Every set criterion must hold. Paging is keyset
/// by id (<see cref="AfterId"/>, <see cref="BeforeId"/>), which stays stable while writes continue;
/// <see cref="Offset"/> exists for callers that still count rows.
/// </summary>
public sealed record EventFilter
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const int MaxOffset = 100_000;
    public const int MaxTextLength = 200;

    public StreamId? Stream { get; init; }

    public string? LeadId { get; init; }

    public string? SessionId { get; init; }

    public string? DeviceId { get; init; }

    public string? AccountId { get; init; }

    public string? WorkflowId { get; init; }

    public string? Category { get; init; }

    /// <summary>Any of these severities.</summary>
    public IReadOnlyList<Severity>? Severities { get; init; }

    /// <summary>This severity or worse.</summary>
    public Severity? MinSeverity { get; init; }

    /// <summary>Exactly this event type.</summary>
    public string? EventType { get; init; }

    /// <summary>Event types starting with this text (<c>whatsapp.</c> for <c>whatsapp.*</c>).</summary>
    public string? EventTypePrefix { get; init; }

    public string? Source { get; init; }

    public bool? Resolved { get; init; }

    /// <summary>Resolved by this kind of resolver (human, llm_agent, auto).</summary>
    public ResolvedBy? ResolvedBy { get; init; }

    /// <summary>Resolved with the API key of this name.</summary>
    public string? ResolvedByKey { get; init; }

    /// <summary>Events that happened at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Events that happened at or before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Case-insensitive text the message contains.</summary>
    public string? Text { get; init; }

    public long? AfterId { get; init; }

    public long? BeforeId { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    public SortOrder Order { get; init; } = SortOrder.Descending;

    /// <summary>Count every match, not just this page (costs a second query).</summary>
    public bool IncludeTotal { get; init; }
}
