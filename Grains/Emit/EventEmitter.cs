using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Hosting;

namespace OrleansEvents.Emit;

/// <summary>
/// Typed one-liners for code inside the silo, mirroring what services write by hand today; the events
/// are <see cref="TypedEvents"/>' and <see cref="WorkflowEvents"/>', as the .NET client's are. They go
/// to <see cref="EventsOptions.SystemTenant"/> unless a tenant is given.
/// </summary>
public sealed class EventEmitter(EventCommands commands, IOptions<EventsOptions> options, [FromKeyedServices(EventClock.Key)] TimeProvider clock)
{
    public Task<AppendedEvent> InfoAsync(string eventType, string? leadId = null, object? payload = null, string? tenantId = null) =>
        AppendAsync(TypedEvents.Level(Severity.Info, eventType, leadId, payload), tenantId);

    public Task<AppendedEvent> WarnAsync(string eventType, string? leadId = null, object? payload = null, string? tenantId = null) =>
        AppendAsync(TypedEvents.Level(Severity.Warning, eventType, leadId, payload), tenantId);

    public Task<AppendedEvent> ErrorAsync(string eventType, string? leadId = null, object? payload = null, string? tenantId = null) =>
        AppendAsync(TypedEvents.Level(Severity.Error, eventType, leadId, payload), tenantId);

    /// <summary>An event with every common field named; the category is given, not derived.</summary>
    public Task<AppendedEvent> EmitAsync(
        string category, Severity severity, string eventType, string message, string? deviceId = null, string? accountId = null,
        object? context = null, string? tenantId = null) =>
        AppendAsync(TypedEvents.Emit(category, severity, eventType, message, deviceId, accountId, context), tenantId);

    /// <summary>Helpers for one workflow's events (stream <c>workflow/{workflowId}</c>).</summary>
    public WorkflowEmitter Workflow(string workflowId, string? tenantId = null) => new(this, new WorkflowEvents(workflowId, clock), tenantId);

    internal async Task<AppendedEvent> AppendAsync(NewEvent newEvent, string? tenantId) =>
        (await commands.AppendAsync(tenantId ?? options.Value.SystemTenant, [newEvent]))[0];
}
