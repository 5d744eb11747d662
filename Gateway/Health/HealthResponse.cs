using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansEvents.Gateway.Health;

/// <summary>A health report: the overall status (healthy, degraded or unhealthy) and each check's, by name.</summary>
public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthCheckResponse> Checks)
{
    public static HealthResponse Of(HealthReport report) => new(
        StatusOf(report.Status),
        report.Entries.ToDictionary(
            entry => entry.Key,
            entry => new HealthCheckResponse(
                StatusOf(entry.Value.Status), entry.Value.Description, entry.Value.Data, Math.Round(entry.Value.Duration.TotalMilliseconds, 1))));

    private static string StatusOf(HealthStatus status) => status.ToString().ToLowerInvariant();
}
