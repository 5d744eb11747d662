using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansEvents.Gateway.Health;

/// <summary>A health report: the overall status (healthy, degraded or unhealthy) and each check's, by name.</summary>
public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthCheckResponse> Checks)
{
    // Health answers without a key: where the store lives, how far the log has come and why a check
    // fails (the store's own error, which names its host) are for admins.
    private static readonly HashSet<string> PublicData = ["provider", "last_progress_at", "active_silos"];

    /// <param name="report">The checks' results.</param>
    /// <param name="allData">Whether to show every check's data and failure (to an admin key) or only what anyone may see.</param>
    public static HealthResponse Of(HealthReport report, bool allData) => new(
        StatusOf(report.Status),
        report.Entries.ToDictionary(
            entry => entry.Key,
            entry => new HealthCheckResponse(
                StatusOf(entry.Value.Status),
                allData || entry.Value.Status == HealthStatus.Healthy ? entry.Value.Description : "failing; an admin key sees why",
                allData ? entry.Value.Data : entry.Value.Data.Where(d => PublicData.Contains(d.Key)).ToDictionary(),
                Math.Round(entry.Value.Duration.TotalMilliseconds, 1))));

    private static string StatusOf(HealthStatus status) => status.ToString().ToLowerInvariant();
}
