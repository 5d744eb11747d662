using OrleansEvents.Events;

namespace OrleansEvents.Queries;

/// <summary>
/// Which events a query returns and how it pages. Every set criterion must hold. Paging is keyset
/// by id (<see cref="AfterId"/>, <see cref="BeforeId"/>), which stays stable while writes continue;
/// <see cref="Offset"/> exists for callers that still count rows.
/// </summary>
[GenerateSerializer]
[Alias("oe.EventFilter")]
[Immutable]
public sealed record EventFilter
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const int MaxOffset = 100_000;
    public const int MaxTextLength = 200;
    public const int MaxContextCriteria = 10;
    public const int MaxContextKeyLength = 100;

    /// <summary>How a query string names a <see cref="Context"/> criterion: <c>context.attempt=3</c>.</summary>
    public const string ContextParameterPrefix = "context.";

    [Id(0)]
    public StreamId? Stream { get; init; }

    [Id(1)]
    public string? LeadId { get; init; }

    [Id(2)]
    public string? SessionId { get; init; }

    [Id(3)]
    public string? DeviceId { get; init; }

    [Id(4)]
    public string? AccountId { get; init; }

    [Id(5)]
    public string? WorkflowId { get; init; }

    [Id(6)]
    public string? Category { get; init; }

    /// <summary>Any of these severities.</summary>
    [Id(7)]
    public IReadOnlyList<Severity>? Severities { get; init; }

    /// <summary>This severity or worse.</summary>
    [Id(8)]
    public Severity? MinSeverity { get; init; }

    /// <summary>Exactly this event type.</summary>
    [Id(9)]
    public string? EventType { get; init; }

    /// <summary>Event types starting with this text (<c>whatsapp.</c> for <c>whatsapp.*</c>).</summary>
    [Id(10)]
    public string? EventTypePrefix { get; init; }

    [Id(11)]
    public string? Source { get; init; }

    [Id(12)]
    public bool? Resolved { get; init; }

    /// <summary>Resolved by this kind of resolver (human, llm_agent, auto).</summary>
    [Id(22)]
    public ResolvedBy? ResolvedBy { get; init; }

    /// <summary>Resolved with the API key of this name.</summary>
    [Id(23)]
    public string? ResolvedByKey { get; init; }

    /// <summary>Events that happened at or after this time.</summary>
    [Id(13)]
    public DateTimeOffset? Since { get; init; }

    /// <summary>Events that happened at or before this time.</summary>
    [Id(14)]
    public DateTimeOffset? Until { get; init; }

    /// <summary>Text found in the message, the event type or a string value inside context, as <see cref="TextSearch"/> reads it.</summary>
    [Id(15)]
    public string? Text { get; init; }

    /// <summary>Top-level context members and the value each must have, as <see cref="ContextValueRule"/> compares them.</summary>
    [Id(24)]
    public IReadOnlyDictionary<string, string>? Context { get; init; }

    [Id(16)]
    public long? AfterId { get; init; }

    [Id(17)]
    public long? BeforeId { get; init; }

    [Id(18)]
    public int Offset { get; init; }

    [Id(19)]
    public int Limit { get; init; } = DefaultLimit;

    [Id(20)]
    public SortOrder Order { get; init; } = SortOrder.Descending;

    /// <summary>Count every match, not just this page (costs a second query).</summary>
    [Id(21)]
    public bool IncludeTotal { get; init; }
}
