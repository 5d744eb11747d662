namespace OrleansEvents.Grains;

/// <summary>
/// One per cluster (key <see cref="ClusterKey"/>): applies the retention policy on a daily reminder
/// and on demand.
/// </summary>
[Alias("oe.IRetentionGrain")]
public interface IRetentionGrain : IGrainWithStringKey
{
    public const string ClusterKey = "cluster";

    /// <summary>Registers the daily reminder (idempotent); the silo calls this at start.</summary>
    Task EnsureScheduledAsync();

    /// <summary>
    /// Applies the policy now, to every tenant or only to <paramref name="tenantId"/>; with
    /// <paramref name="dryRun"/> only counts what it would delete.
    /// </summary>
    Task<RetentionReport> RunAsync(bool dryRun, string? tenantId = null);
}
