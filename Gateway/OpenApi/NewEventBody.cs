using System.Text.Json;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// An event as posted (documentation of the body; the handler reads it by hand). Aliases accepted:
/// <c>level</c> for severity, <c>type</c> for event_type, <c>payload</c>/<c>details</c>/<c>data</c> for
/// context. Unknown fields are ignored. The body is this object or an array of up to 1 000.
/// </summary>
public sealed record NewEventBody(
    string EventType,
    string? Severity,
    string? Message,
    string? Category,
    string? Source,
    string? EventId,
    string? Stream,
    DateTimeOffset? Timestamp,
    string? LeadId,
    string? SessionId,
    string? DeviceId,
    string? AccountId,
    string? WorkflowId,
    JsonElement? Context);
