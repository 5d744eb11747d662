namespace OrleansEvents.Hosting;

/// <summary>Tags of the health checks silos and gateways register.</summary>
public static class HealthTags
{
    /// <summary>Checks <c>/health/ready</c> runs: the process should get traffic only while all of them pass.</summary>
    public const string Ready = "ready";
}
