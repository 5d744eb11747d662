namespace OrleansEvents.Bench.Fanout;

/// <summary>One side of the fan-out comparison.</summary>
public sealed record FanoutResult(string Name, long Sent, long Expected, long Delivered, double Seconds, double P50Ms, double P99Ms)
{
    public double DeliveriesPerSecond => Delivered / Seconds;
}
