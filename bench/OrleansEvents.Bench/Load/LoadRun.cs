using OrleansEvents.Bench.Append;

namespace OrleansEvents.Bench.Load;

/// <summary>A row's throughput and per-request latency, and how many requests were sent again.</summary>
public sealed record LoadRun(Measurement Timing, long Retries);
