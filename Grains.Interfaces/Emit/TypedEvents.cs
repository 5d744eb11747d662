using OrleansEvents.Events;

namespace OrleansEvents.Emit;

/// <summary>
/// The events of the typed one-liners services write by hand today (<c>info/warn/error(event_type,
/// lead_id, payload)</c> and <c>emit(category, severity, …)</c>), built here once for the silo's
/// emitter and the .NET client alike. Payloads become the context with snake_case names.
/// </summary>
public static class TypedEvents
{
    /// <summary>An event of the given severity whose message is its type; the category is the type's first word.</summary>
    public static NewEvent Level(Severity severity, string eventType, string? leadId = null, object? payload = null) => new()
    {
        Severity = WireNames.Of(severity),
        EventType = eventType,
        Message = eventType,
        LeadId = leadId,
        Context = EventContext.From(payload),
    };

    /// <summary>An event with every common field named; the category is given, not derived.</summary>
    public static NewEvent Emit(
        string category, Severity severity, string eventType, string message, string? deviceId = null, string? accountId = null, object? context = null) => new()
    {
        Category = category,
        Severity = WireNames.Of(severity),
        EventType = eventType,
        Message = message,
        DeviceId = deviceId,
        AccountId = accountId,
        Context = EventContext.From(context),
    };
}
