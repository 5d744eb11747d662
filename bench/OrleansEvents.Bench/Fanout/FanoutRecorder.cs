using System.Diagnostics;

namespace OrleansEvents.Bench.Fanout;

/// <summary>Collects append-to-receive latencies from every client of a run.</summary>
public sealed class FanoutRecorder
{
    private readonly List<long> _latencies = new(1 << 20);
    private readonly Lock _gate = new();

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _latencies.Count;
            }
        }
    }

    public void Record(long stopwatchTicks)
    {
        lock (_gate)
        {
            _latencies.Add(stopwatchTicks);
        }
    }

    /// <summary>The given percentile (0–100) in milliseconds.</summary>
    public double PercentileMs(double percentile)
    {
        lock (_gate)
        {
            if (_latencies.Count == 0)
            {
                return double.NaN;
            }

            _latencies.Sort();
            var index = (int)Math.Clamp(Math.Ceiling(percentile / 100 * _latencies.Count) - 1, 0, _latencies.Count - 1);
            return _latencies[index] * 1000.0 / Stopwatch.Frequency;
        }
    }
}
