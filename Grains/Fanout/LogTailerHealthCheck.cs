using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansEvents.Fanout;

/// <summary>Ready only while the log tailer keeps reading the log: a stalled tailer means subscribers silently see nothing.</summary>
public sealed class LogTailerHealthCheck(LogTailer tailer, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["position"] = tailer.Position.ToString(),
            ["last_progress_at"] = tailer.LastProgressAt,
            ["seconds_since_progress"] = Math.Round((clock.GetUtcNow() - tailer.LastProgressAt).TotalSeconds, 1),
        };
        return Task.FromResult(tailer.IsStalled
            ? HealthCheckResult.Unhealthy("the log tailer has not read the log lately", data: data)
            : HealthCheckResult.Healthy("the log tailer is following the log", data));
    }
}
