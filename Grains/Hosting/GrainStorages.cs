namespace OrleansEvents.Hosting;

/// <summary>Names of the grain storage providers the silo configures (ADO.NET on PostgreSQL, the SQLite file when embedded).</summary>
public static class GrainStorages
{
    /// <summary>State of the product's grains that must outlive an activation: retention runs, replay jobs.</summary>
    public const string Events = "events";

    /// <summary>Orleans' stream subscriptions (the name Orleans looks for).</summary>
    public const string PubSub = "PubSubStore";
}
