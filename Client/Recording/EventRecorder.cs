using OrleansEvents.Client.Sending;
using OrleansEvents.Emit;
using OrleansEvents.Events;

namespace OrleansEvents.Client.Recording;

/// <summary>Builds each helper's event as <see cref="TypedEvents"/> and <see cref="WorkflowEvents"/> do, and queues it.</summary>
internal sealed class EventRecorder(EventQueue queue, EventSender sender, TimeProvider clock) : IEventRecorder
{
    public Task InfoAsync(string eventType, string? leadId = null, object? payload = null) => Level(Severity.Info, eventType, leadId, payload);

    public Task WarnAsync(string eventType, string? leadId = null, object? payload = null) => Level(Severity.Warning, eventType, leadId, payload);

    public Task ErrorAsync(string eventType, string? leadId = null, object? payload = null) => Level(Severity.Error, eventType, leadId, payload);

    public Task EmitAsync(string category, Severity severity, string eventType, string message, string? deviceId = null, string? accountId = null, object? context = null)
    {
        try
        {
            return Queue(TypedEvents.Emit(category, severity, eventType, message, deviceId, accountId, context));
        }
        catch (Exception problem)
        {
            return queue.Reject(problem);
        }
    }

    public Task RecordAsync(NewEvent newEvent)
    {
        try
        {
            return Queue(newEvent);
        }
        catch (Exception problem)
        {
            return queue.Reject(problem);
        }
    }

    public WorkflowRecorder Workflow(string workflowId) => new(this, new WorkflowEvents(workflowId, clock));

    public Task FlushAsync(CancellationToken cancellationToken = default) => sender.FlushAsync(cancellationToken);

    /// <summary>Builds an event and queues it; an event that cannot be built (a payload that does not serialize) is counted as refused, not thrown.</summary>
    internal Task Record(Func<NewEvent> build)
    {
        NewEvent built;
        try
        {
            built = build();
        }
        catch (Exception problem)
        {
            return queue.Reject(problem);
        }

        return Queue(built);
    }

    private Task Queue(NewEvent newEvent) => queue.Add(newEvent);

    private Task Level(Severity severity, string eventType, string? leadId, object? payload)
    {
        try
        {
            return Queue(TypedEvents.Level(severity, eventType, leadId, payload));
        }
        catch (Exception problem)
        {
            return queue.Reject(problem);
        }
    }
}
