using System.Text.Json;

namespace OrleansEvents.Events;

/// <summary>An event as the log holds it. Not sealed only so an answer can add what it knows about it (the gateway's duplicate flag).</summary>
[GenerateSerializer]
[Alias("oe.StoredEvent")]
[Immutable]
public record StoredEvent
{
    /// <summary>Server-assigned global position; increases with every append.</summary>
    [Id(0)]
    public required long Id { get; init; }

    [Id(1)]
    public required string EventId { get; init; }

    [Id(2)]
    public required string TenantId { get; init; }

    [Id(3)]
    public required StreamId Stream { get; init; }

    /// <summary>Position in its stream: 1, 2, 3 … without gaps.</summary>
    [Id(4)]
    public required long Version { get; init; }

    /// <summary>Where this event sits in the committed log; subscribers resume after it.</summary>
    [Id(5)]
    public required LogPosition Position { get; init; }

    [Id(6)]
    public required DateTimeOffset Timestamp { get; init; }

    [Id(7)]
    public required DateTimeOffset RecordedAt { get; init; }

    [Id(8)]
    public required string Category { get; init; }

    [Id(9)]
    public required Severity Severity { get; init; }

    [Id(10)]
    public required string EventType { get; init; }

    [Id(11)]
    public required string Message { get; init; }

    [Id(12)]
    public string? Source { get; init; }

    [Id(13)]
    public string? LeadId { get; init; }

    [Id(14)]
    public string? SessionId { get; init; }

    [Id(15)]
    public string? DeviceId { get; init; }

    [Id(16)]
    public string? AccountId { get; init; }

    [Id(17)]
    public string? WorkflowId { get; init; }

    [Id(18)]
    public JsonElement? Context { get; init; }

    [Id(19)]
    public bool Resolved { get; init; }

    [Id(20)]
    public ResolvedBy? ResolvedBy { get; init; }

    [Id(21)]
    public DateTimeOffset? ResolvedAt { get; init; }

    [Id(22)]
    public string? ResolutionNote { get; init; }

    /// <summary>The name of the API key that resolved it (<c>Auth:ApiKeys:N:Name</c>), never the key itself.</summary>
    [Id(23)]
    public string? ResolvedByKey { get; init; }
}
