using System.Text.Json;

namespace OrleansEvents.Events;

/// <summary>
/// An event as a caller sends it, before validation. Severity stays text so aliases and mistakes
/// reach the validator, which reports every broken rule at once.
/// </summary>
[GenerateSerializer]
[Alias("oe.NewEvent")]
[Immutable]
public sealed record NewEvent
{
    /// <summary>The caller's idempotency key; generated when absent.</summary>
    [Id(0)]
    public string? EventId { get; init; }

    /// <summary><c>kind/key</c>; when absent the event is routed by its correlation ids (<see cref="StreamRouter"/>).</summary>
    [Id(1)]
    public string? Stream { get; init; }

    /// <summary>When it happened; the server's clock when absent.</summary>
    [Id(2)]
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Lowercase word; the first segment of the event type when absent.</summary>
    [Id(3)]
    public string? Category { get; init; }

    /// <summary>info, warning, error or critical (INFO, WARN, WARNING, ERROR in any case); info when absent.</summary>
    [Id(4)]
    public string? Severity { get; init; }

    [Id(5)]
    public required string EventType { get; init; }

    [Id(6)]
    public string? Message { get; init; }

    [Id(7)]
    public string? Source { get; init; }

    [Id(8)]
    public string? LeadId { get; init; }

    [Id(9)]
    public string? SessionId { get; init; }

    [Id(10)]
    public string? DeviceId { get; init; }

    [Id(11)]
    public string? AccountId { get; init; }

    [Id(12)]
    public string? WorkflowId { get; init; }

    /// <summary>A JSON object with whatever else the caller knows.</summary>
    [Id(13)]
    public JsonElement? Context { get; init; }
}
