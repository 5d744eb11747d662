using OrleansEvents.Events;

namespace OrleansEvents.Client.Recording;

/// <summary>
/// Records events with the typed helpers the silo has too (same names, same event shapes). Every call
/// only queues: it never blocks on the store and never throws into the caller. The returned task is
/// complete at once, unless <see cref="Hosting.OrleansEventsOptions.ThrowOnFailure"/> asks it to wait
/// until the event is stored.
/// </summary>
public interface IEventRecorder
{
    /// <summary>An info event; its message is its type, its category the type's first word, its stream the lead's when given.</summary>
    Task InfoAsync(string eventType, string? leadId = null, object? payload = null);

    /// <summary>A warning, shaped as <see cref="InfoAsync"/>.</summary>
    Task WarnAsync(string eventType, string? leadId = null, object? payload = null);

    /// <summary>An error, shaped as <see cref="InfoAsync"/>.</summary>
    Task ErrorAsync(string eventType, string? leadId = null, object? payload = null);

    /// <summary>An event with every common field named; the category is given, not derived.</summary>
    Task EmitAsync(string category, Severity severity, string eventType, string message, string? deviceId = null, string? accountId = null, object? context = null);

    /// <summary>Any event, as <c>POST /api/events</c> takes it; the client gives it an event id and a timestamp when it has none.</summary>
    Task RecordAsync(NewEvent newEvent);

    /// <summary>The helpers of one workflow run (stream <c>workflow/{workflowId}</c>).</summary>
    WorkflowRecorder Workflow(string workflowId);

    /// <summary>Waits until every event recorded before the call has been stored or given up.</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);
}
