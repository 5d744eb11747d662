namespace OrleansEvents.Fanout;

/// <summary>Names of the Orleans stream providers the silo configures.</summary>
public static class StreamProviders
{
    /// <summary>Carries every committed event and every change to a stored event from the silo to the gateways (memory streams; the log stays the truth).</summary>
    public const string Events = "events";
}
