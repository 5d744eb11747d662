using System.Text.Json;

namespace OrleansEvents.Events;

/// <summary>An event as the log holds it. Not sealed only so an answer can add what it knows about it (the gateway's duplicate flag).</summary>
public record StoredEvent
{
    /// <summary>Server-assigned global position; increases with every append.</summary>
    public required long Id { get; init; }

    public required string EventId { get; init; }

    public required string TenantId { get; init; }

    public required StreamId Stream { get; init; }

    /// <summary>Position in its stream: 1, 2, 3 … without gaps.</summary>
    public required long Version { get; init; }

    /// <summary>Where this event sits in the committed log; subscribers resume after it.</summary>
    public required LogPosition Position { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required string Category { get; init; }

    public required Severity Severity { get; init; }

    public required string EventType { get; init; }

    public required string Message { get; init; }

    public string? Source { get; init; }

    public string? LeadId { get; init; }

    public string? SessionId { get; init; }

    public string? DeviceId { get; init; }

    public string? AccountId { get; init; }

    public string? WorkflowId { get; init; }

    public JsonElement? Context { get; init; }

    public bool Resolved { get; init; }

    public ResolvedBy? ResolvedBy { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public string? ResolutionNote { get; init; }
}
