using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace OrleansEvents.Gateway.Cluster;

/// <summary>A gateway outside the cluster is ready while it reaches at least one active silo.</summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["active_silos"] = hosts.Count };
        return hosts.Count > 0
            ? HealthCheckResult.Healthy($"{hosts.Count} active silos", data)
            : HealthCheckResult.Unhealthy("no active silo", data: data);
    }
}
