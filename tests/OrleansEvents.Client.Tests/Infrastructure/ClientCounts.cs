using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrleansEvents.Client.Sending;

namespace OrleansEvents.Client.Tests.Infrastructure;

/// <summary>The client's counters as its metrics report them, read the way an operator's collector would.</summary>
public sealed class ClientCounts(IServiceProvider services) : IDisposable
{
    private readonly IMeterFactory _meters = services.GetRequiredService<IMeterFactory>();
    private readonly Dictionary<string, MetricCollector<long>> _collectors = [];

    public long Queued => Sum(ClientMetrics.Queued);

    public long Sent => Sum(ClientMetrics.Sent);

    public long Retried => Sum(ClientMetrics.Retried);

    public long Dropped => Sum(ClientMetrics.Dropped);

    public long DroppedFor(string reason) => Collector(ClientMetrics.Dropped).GetMeasurementSnapshot()
        .Where(m => m.Tags.TryGetValue("reason", out var tag) && (string?)tag == reason).Sum(m => m.Value);

    /// <summary>Starts listening now: a counter read before anything happened still counts what follows.</summary>
    public ClientCounts Listen()
    {
        _ = Collector(ClientMetrics.Queued);
        _ = Collector(ClientMetrics.Sent);
        _ = Collector(ClientMetrics.Retried);
        _ = Collector(ClientMetrics.Dropped);
        return this;
    }

    public void Dispose()
    {
        foreach (var collector in _collectors.Values)
        {
            collector.Dispose();
        }
    }

    private long Sum(string instrument) => Collector(instrument).GetMeasurementSnapshot().Sum(m => m.Value);

    private MetricCollector<long> Collector(string instrument)
    {
        lock (_collectors)
        {
            if (!_collectors.TryGetValue(instrument, out var collector))
            {
                collector = new MetricCollector<long>(_meters, ClientMetrics.MeterName, instrument);
                _collectors[instrument] = collector;
            }

            return collector;
        }
    }
}
