namespace OrleansEvents.Events;

/// <summary>
/// Picks the stream of an event that names none (docs/architecture.md §3): the most specific entity wins —
/// session, then lead, then device, then workflow — else the system stream of its category.
/// </summary>
public static class StreamRouter
{
    public static StreamId Route(string? sessionId, string? leadId, string? deviceId, string? workflowId, string category)
    {
        var (kind, key) = Pick(sessionId, leadId, deviceId, workflowId, category);
        return new StreamId(kind, key);
    }

    /// <summary>As <see cref="Route"/>, but false instead of an exception when the key it picks is no stream key.</summary>
    public static bool TryRoute(string? sessionId, string? leadId, string? deviceId, string? workflowId, string category, out StreamId stream)
    {
        var (kind, key) = Pick(sessionId, leadId, deviceId, workflowId, category);
        if (!StreamId.IsValidKey(key))
        {
            stream = default;
            return false;
        }

        stream = new StreamId(kind, key);
        return true;
    }

    private static (StreamKind Kind, string Key) Pick(string? sessionId, string? leadId, string? deviceId, string? workflowId, string category)
    {
        if (!string.IsNullOrEmpty(sessionId))
        {
            return (StreamKind.Session, sessionId);
        }

        if (!string.IsNullOrEmpty(leadId))
        {
            return (StreamKind.Lead, leadId);
        }

        if (!string.IsNullOrEmpty(deviceId))
        {
            return (StreamKind.Device, deviceId);
        }

        return !string.IsNullOrEmpty(workflowId) ? (StreamKind.Workflow, workflowId) : (StreamKind.System, category);
    }
}
