using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansEvents.Fanout;

/// <summary>Ready only while the cluster's log reader answers and makes progress: otherwise live subscribers see nothing new.</summary>
internal sealed class LogReaderHealthCheck(LogReaderWaker waker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (await waker.CheckAsync() is not { } status || waker.LastFailure is { } failure)
        {
            return HealthCheckResult.Unhealthy($"the log reader does not answer: {waker.LastFailure ?? "not asked yet"}");
        }

        var data = new Dictionary<string, object>
        {
            ["position"] = status.Position.ToString(), ["last_progress_at"] = status.LastProgressAt, ["reader_silo"] = status.Silo,
        };
        return status.IsStalled
            ? HealthCheckResult.Unhealthy($"the log reader has made no progress since {status.LastProgressAt:O}", data: data)
            : HealthCheckResult.Healthy("the log reader makes progress", data);
    }
}
