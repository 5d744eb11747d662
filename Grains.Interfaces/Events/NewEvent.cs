using System.Text.Json;

namespace OrleansEvents.Events;

/// <summary>
/// An event as a caller sends it, before validation. Severity stays text so aliases and mistakes
/// reach the validator, which reports every broken rule at once.
/// </summary>
public sealed record NewEvent
{
    /// <summary>The caller's idempotency key; generated when absent.</summary>
    public string? EventId { get; init; }

    /// <summary><c>kind/key</c>; when absent the event is routed by its correlation ids (<see cref="StreamRouter"/>).</summary>
    public string? Stream { get; init; }

    /// <summary>When it happened; the server's clock when absent.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Lowercase word; the first segment of the event type when absent.</summary>
    public string? Category { get; init; }

    /// <summary>info, warning, error or critical (INFO, WARN, WARNING, ERROR in any case); info when absent.</summary>
    public string? Severity { get; init; }

    public required string EventType { get; init; }

    public string? Message { get; init; }

    public string? Source { get; init; }

    public string? LeadId { get; init; }

    public string? SessionId { get; init; }

    public string? DeviceId { get; init; }

    public string? AccountId { get; init; }

    public string? WorkflowId { get; init; }

    /// <summary>A JSON object with whatever else the caller knows.</summary>
    public JsonElement? Context { get; init; }
}
