namespace OrleansEvents.Bench.Fanout;

/// <summary>One side of the fan-out comparison.</summary>
/// <remarks>CPU figures are cores busy on average: <c>Idle*</c> while subscribed with nothing sent, the others while sending.</remarks>
public sealed record FanoutResult(
    string Name, long Sent, long Expected, long Delivered, double Seconds, double P50Ms, double P99Ms,
    double IdleServerCores, double IdleClientCores, double ServerCores, double ClientCores)
{
    public double DeliveriesPerSecond => Delivered / Seconds;
}
