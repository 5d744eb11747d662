using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using OrleansEvents.Events;

namespace OrleansEvents.Gateway.Responses;

/// <summary>
/// An event as <c>POST /api/events</c> answers it: the stored event, and whether its <c>event_id</c>
/// was stored before, so a client that sends a batch again learns which events it already had.
/// </summary>
public sealed record AppendedEventResponse : StoredEvent
{
    [SetsRequiredMembers]
    public AppendedEventResponse(AppendedEvent appended)
        : base(appended.Event)
    {
        Duplicate = appended.IsDuplicate;
    }

    /// <summary>True when the event_id was already stored: this request stored nothing for it.</summary>
    [JsonPropertyOrder(1)] // after the stored event's members, which a derived type's would otherwise precede
    public required bool Duplicate { get; init; }
}
