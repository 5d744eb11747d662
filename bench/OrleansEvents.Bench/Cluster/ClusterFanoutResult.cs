namespace OrleansEvents.Bench.Cluster;

/// <summary>One configuration of one round of the cluster fan-out bench.</summary>
/// <remarks>
/// Latencies are append-to-receive (<c>P*Ms</c>) and of the POST alone, which returns once the event
/// is committed (<c>PostP*Ms</c>). CPU figures are cores busy on average during the timed window,
/// <c>SiloCores</c> silo A first. <c>ReaderOn</c> names the silo the cluster's log reader ran on.
/// </remarks>
public sealed record ClusterFanoutResult(
    int Round, string Configuration, long Expected, long Delivered, double P50Ms, double P99Ms, double PostP50Ms, double PostP99Ms,
    IReadOnlyList<double> SiloCores, double SubscriberCores, string ReaderOn);
