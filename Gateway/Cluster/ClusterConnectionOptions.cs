using System.ComponentModel.DataAnnotations;

namespace OrleansEvents.Gateway.Cluster;

/// <summary>How a gateway outside the cluster connects to it. Section <c>Gateway:Cluster</c>.</summary>
public sealed class ClusterConnectionOptions
{
    public const string SectionName = "Gateway:Cluster";

    /// <summary>How long a starting gateway keeps looking for a silo before it gives up with exit code 1. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromMinutes(1);
}
