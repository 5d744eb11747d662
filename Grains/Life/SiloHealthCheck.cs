using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace OrleansEvents.Life;

/// <summary>Names this silo and counts the cluster's active silos, as the membership table has them; unhealthy while this silo is not among them.</summary>
internal sealed class SiloHealthCheck(ILocalSiloDetails silo, IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["silo"] = silo.SiloAddress.ToParsableString(),
            ["cluster_id"] = silo.ClusterId,
            ["active_silos"] = hosts.Count,
        };
        return hosts.ContainsKey(silo.SiloAddress)
            ? HealthCheckResult.Healthy($"an active silo of {hosts.Count}", data)
            : HealthCheckResult.Unhealthy("this silo is not active in the membership table", data: data);
    }
}
