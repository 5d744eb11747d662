using System.Diagnostics.Metrics;
using OrleansEvents.Runtime.Diagnostics;

namespace OrleansEvents.Bench.Runtime;

/// <summary>Follows the runtime's <c>orleansevents.runtime.activations</c> meter to report how many activations are alive.</summary>
public sealed class LiveActivations : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public LiveActivations()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RuntimeMetrics.MeterName && instrument.Name == "orleansevents.runtime.activations")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, delta, _, _) => Interlocked.Add(ref _count, delta));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
