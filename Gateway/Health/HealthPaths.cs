namespace OrleansEvents.Gateway.Health;

/// <summary>Where the health reports answer, without a key.</summary>
public static class HealthPaths
{
    /// <summary>The process answers; no check runs.</summary>
    public const string Live = "/health/live";

    /// <summary>The silo can serve: every check tagged ready passes.</summary>
    public const string Ready = "/health/ready";
}
