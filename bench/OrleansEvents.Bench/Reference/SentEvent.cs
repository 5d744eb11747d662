using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansEvents.Bench.Reference;

/// <summary>The fields of a posted event that the reference server stores; the rest of the body is ignored.</summary>
public sealed record SentEvent(
    [property: JsonPropertyName("event_id")] string? EventId,
    [property: JsonPropertyName("event_type")] string? EventType,
    [property: JsonPropertyName("severity")] string? Severity,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("lead_id")] string? LeadId,
    [property: JsonPropertyName("context")] JsonElement? Context);

/// <summary>What the reference server answers: the stored event's id and stream version.</summary>
public sealed record StoredPosition([property: JsonPropertyName("id")] long Id, [property: JsonPropertyName("version")] long Version);

[JsonSerializable(typeof(SentEvent))]
[JsonSerializable(typeof(StoredPosition))]
internal sealed partial class ReferenceJson : JsonSerializerContext;
