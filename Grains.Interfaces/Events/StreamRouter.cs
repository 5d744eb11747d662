namespace OrleansEvents.Events;

/// <summary>
/// Picks the stream of an event that names none (docs/architecture.md §3): the most specific entity wins —
/// session, then lead, then device, then workflow — else the system stream of its category.
/// </summary>
public static class StreamRouter
{
    public static StreamId Route(string? sessionId, string? leadId, string? deviceId, string? workflowId, string category)
    {
        if (!string.IsNullOrEmpty(sessionId))
        {
            return StreamId.Session(sessionId);
        }

        if (!string.IsNullOrEmpty(leadId))
        {
            return StreamId.Lead(leadId);
        }

        if (!string.IsNullOrEmpty(deviceId))
        {
            return StreamId.Device(deviceId);
        }

        return !string.IsNullOrEmpty(workflowId) ? StreamId.Workflow(workflowId) : StreamId.System(category);
    }
}
