using System.Text.Json;
using Microsoft.Extensions.Options;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Hosting;

namespace OrleansEvents.Emit;

/// <summary>
/// Typed one-liners for code inside the silo, mirroring what services write by hand today. Events go
/// to <see cref="EventsOptions.SystemTenant"/> unless a tenant is given. Payloads are serialized with
/// snake_case names.
/// </summary>
public sealed class EventEmitter(EventCommands commands, IOptions<EventsOptions> options)
{
    internal static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public Task<AppendedEvent> InfoAsync(string eventType, string? leadId = null, object? payload = null, string? tenantId = null) =>
        LevelAsync(Severity.Info, eventType, leadId, payload, tenantId);

    public Task<AppendedEvent> WarnAsync(string eventType, string? leadId = null, object? payload = null, string? tenantId = null) =>
        LevelAsync(Severity.Warning, eventType, leadId, payload, tenantId);

    public Task<AppendedEvent> ErrorAsync(string eventType, string? leadId = null, object? payload = null, string? tenantId = null) =>
        LevelAsync(Severity.Error, eventType, leadId, payload, tenantId);

    /// <summary>An event with every common field named; the category is given, not derived.</summary>
    public Task<AppendedEvent> EmitAsync(
        string category, Severity severity, string eventType, string message, string? deviceId = null, string? accountId = null,
        object? context = null, string? tenantId = null) =>
        AppendAsync(new NewEvent
        {
            Category = category,
            Severity = WireNames.Of(severity),
            EventType = eventType,
            Message = message,
            DeviceId = deviceId,
            AccountId = accountId,
            Context = ToContext(context),
        }, tenantId);

    /// <summary>Helpers for one workflow's events (stream <c>workflow/{workflowId}</c>).</summary>
    public WorkflowEmitter Workflow(string workflowId, string? tenantId = null) => new(this, workflowId, tenantId);

    internal async Task<AppendedEvent> AppendAsync(NewEvent newEvent, string? tenantId) =>
        (await commands.AppendAsync(tenantId ?? options.Value.SystemTenant, [newEvent]))[0];

    internal static JsonElement? ToContext(object? payload) => payload switch
    {
        null => null,
        JsonElement element => element,
        _ => JsonSerializer.SerializeToElement(payload, PayloadJson),
    };

    private Task<AppendedEvent> LevelAsync(Severity severity, string eventType, string? leadId, object? payload, string? tenantId) =>
        AppendAsync(new NewEvent
        {
            Severity = WireNames.Of(severity),
            EventType = eventType,
            Message = eventType,
            LeadId = leadId,
            Context = ToContext(payload),
        }, tenantId);
}
