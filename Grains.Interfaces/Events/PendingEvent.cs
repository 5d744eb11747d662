namespace OrleansEvents.Events;

/// <summary>
/// A validated, normalized event on its way into the log: it has its stream, its idempotency key,
/// a UTC timestamp at microsecond precision (what both stores keep) and typed severity.
/// Only <see cref="Validation.EventValidator"/> makes these.
/// </summary>
public sealed record PendingEvent
{
    public required string EventId { get; init; }

    public required StreamId Stream { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

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

    /// <summary>The context object as compact JSON text, or null.</summary>
    public string? ContextJson { get; init; }
}
