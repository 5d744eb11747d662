namespace OrleansEvents.Bench.Append;

/// <summary>One run's throughput and latency percentiles.</summary>
public sealed record Measurement(string Name, long Events, TimeSpan Elapsed, double P50Milliseconds, double P99Milliseconds)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public static Measurement From(string name, TimeSpan elapsed, IReadOnlyCollection<double> latenciesMilliseconds, long? events = null)
    {
        var sorted = latenciesMilliseconds.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Measurement(name, events ?? sorted.Length, elapsed, Percentile(0.50), Percentile(0.99));
    }
}
