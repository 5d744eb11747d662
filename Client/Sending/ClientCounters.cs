using System.Diagnostics.Metrics;

namespace OrleansEvents.Client.Sending;

/// <summary>The instruments of <see cref="ClientMetrics"/>, on a meter of the host's <see cref="IMeterFactory"/>.</summary>
internal sealed class ClientCounters
{
    private readonly Counter<long> _dropped;

    public ClientCounters(IMeterFactory meters)
    {
        Meter = meters.Create(ClientMetrics.MeterName);
        Queued = Meter.CreateCounter<long>(ClientMetrics.Queued, "{event}", "Events accepted into the queue");
        Sent = Meter.CreateCounter<long>(ClientMetrics.Sent, "{event}", "Events the store acknowledged");
        Retried = Meter.CreateCounter<long>(ClientMetrics.Retried, "{event}", "Events sent again after a failed send");
        _dropped = Meter.CreateCounter<long>(ClientMetrics.Dropped, "{event}", "Events given up");
    }

    public Meter Meter { get; }

    public Counter<long> Queued { get; }

    public Counter<long> Sent { get; }

    public Counter<long> Retried { get; }

    public void Dropped(long count, string reason) => _dropped.Add(count, new KeyValuePair<string, object?>("reason", reason));
}
