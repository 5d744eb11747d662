using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansEvents.Fanout;

/// <summary>Ready only while the log tailer makes progress: a stalled tailer means live subscribers see nothing new.</summary>
internal sealed class LogTailerHealthCheck(LogTailer tailer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["position"] = tailer.Position.ToString(), ["last_progress_at"] = tailer.LastProgressAt };
        return Task.FromResult(tailer.IsStalled
            ? HealthCheckResult.Unhealthy($"the log tailer has made no progress since {tailer.LastProgressAt:O}", data: data)
            : HealthCheckResult.Healthy("the log tailer makes progress", data));
    }
}
