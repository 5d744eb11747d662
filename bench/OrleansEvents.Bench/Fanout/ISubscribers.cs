namespace OrleansEvents.Bench.Fanout;

/// <summary>N connected SignalR subscribers and what they recorded.</summary>
public interface ISubscribers : IAsyncDisposable
{
    /// <summary>Deliveries recorded since the last reset.</summary>
    Task<long> CountAsync();

    /// <summary>Forgets what was recorded so far (the warm-up).</summary>
    Task ResetAsync();

    /// <summary>How long the subscribers' own process has spent compiling code that the bench's JIT figures do not include.</summary>
    Task<TimeSpan> CompilationTimeAsync();

    /// <summary>CPU the subscribers' own process has used so far; zero when they share the bench's process.</summary>
    TimeSpan ProcessorTime();

    /// <summary>Append-to-receive latency percentiles in milliseconds.</summary>
    Task<(double P50Ms, double P99Ms)> PercentilesAsync();
}
