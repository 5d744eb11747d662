namespace OrleansEvents.Fanout;

/// <summary>Names of the Orleans stream providers the silo configures.</summary>
public static class StreamProviders
{
    /// <summary>Carries every committed event and every change to a stored event from the silo to the gateways (an in-memory <see cref="LogQueue.LogQueueAdapterFactory">log queue</see>; the log stays the truth).</summary>
    public const string Events = "events";
}
