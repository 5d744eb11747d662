using System.Diagnostics;

namespace OrleansEvents.Bench.Fanout;

/// <summary>
/// Collects append-to-receive latencies. Each client records into its own <see cref="Sink"/>, so a
/// thousand receive loops never contend on one lock: the bench measures the server, not itself.
/// </summary>
public sealed class FanoutRecorder
{
    private readonly List<Sink> _sinks = [];
    private readonly Lock _gate = new();

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _sinks.Sum(s => Volatile.Read(ref s.Count));
            }
        }
    }

    /// <summary>A new sink for one client (or one sender) to record into.</summary>
    public Sink NewSink()
    {
        var sink = new Sink();
        lock (_gate)
        {
            _sinks.Add(sink);
        }

        return sink;
    }

    /// <summary>Forgets everything recorded so far (the warm-up).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            foreach (var sink in _sinks)
            {
                sink.Clear();
            }
        }
    }

    /// <summary>The given percentile (0–100) in milliseconds, over every sink.</summary>
    public double PercentileMs(double percentile)
    {
        long[] all;
        lock (_gate)
        {
            all = _sinks.SelectMany(s => s.Snapshot()).ToArray();
        }

        if (all.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(all);
        var index = (int)Math.Clamp(Math.Ceiling(percentile / 100 * all.Length) - 1, 0, all.Length - 1);
        return all[index] * 1000.0 / Stopwatch.Frequency;
    }

    /// <summary>One recorder's latencies; written by one client at a time.</summary>
    public sealed class Sink
    {
        private readonly List<long> _latencies = new(4096);
        public long Count;

        public void Record(long stopwatchTicks)
        {
            lock (_latencies)
            {
                _latencies.Add(stopwatchTicks);
            }

            Interlocked.Increment(ref Count);
        }

        internal void Clear()
        {
            lock (_latencies)
            {
                _latencies.Clear();
                Interlocked.Exchange(ref Count, 0);
            }
        }

        internal long[] Snapshot()
        {
            lock (_latencies)
            {
                return [.. _latencies];
            }
        }
    }
}
