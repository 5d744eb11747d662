using System.Diagnostics;

namespace OrleansEvents.Bench.Load;

/// <summary>
/// Traffic before a row is timed, on streams of the same count as the row's but outside it, so the row
/// meets cold grains and warm code: single events, then the row's batch size, then the row's own shape
/// again and again until tiered compilation has gone quiet. A fixed amount was not enough: after 40 000
/// events on 100 streams the silo's tiered compilation thread still took 41 % of the silo's CPU samples
/// during a 10 000-stream row of batches (perf), compiling what the row ran more than the warm-up had.
/// </summary>
public static class LoadWarmUp
{
    private const int FirstConcurrency = 32;
    private const int ShapedPassesPerWarmUp = 4;
    private static readonly TimeSpan QuietJitPerSecond = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxShapedTime = TimeSpan.FromSeconds(60);

    /// <summary>What the warm-up did, for the row's comment line.</summary>
    public sealed record Summary(TimeSpan Elapsed, int ShapedPasses, TimeSpan LastPassJitPerSecond)
    {
        public override string ToString() =>
            $"warm-up {Elapsed.TotalSeconds:F1} s, {ShapedPasses} passes in the row's shape, the last with {LastPassJitPerSecond.TotalMilliseconds:F0} ms of JIT per second";
    }

    /// <param name="target">A target of the warm-up's streams for a batch size and a concurrency.</param>
    /// <param name="row">The row to be timed: its stream count, batch size and concurrency.</param>
    /// <param name="events">Events of each of the first passes; the shaped passes carry a quarter of it each.</param>
    /// <param name="compilationTime">JIT time so far of every process that serves or drives the row.</param>
    public static async Task<Summary> RunAsync<TRequest>(
        Func<int, int, ILoadTarget<TRequest>> target, LoadRow row, long events, Func<TimeSpan> compilationTime)
    {
        var started = Stopwatch.StartNew();
        foreach (var batch in row.Batch > 1 ? new[] { 1, row.Batch } : [1])
        {
            await PassAsync(target(batch, FirstConcurrency), events, batch, FirstConcurrency);
        }

        var shapedEvents = Math.Max(row.Batch, events / ShapedPassesPerWarmUp);
        var shaped = started.Elapsed;
        var passes = 0;
        TimeSpan perSecond;
        do
        {
            var compiled = compilationTime();
            var pass = Stopwatch.StartNew();
            await PassAsync(target(row.Batch, row.Concurrency), shapedEvents, row.Batch, row.Concurrency);
            perSecond = (compilationTime() - compiled) / pass.Elapsed.TotalSeconds;
            passes++;
        }
        while (perSecond >= QuietJitPerSecond && started.Elapsed - shaped < MaxShapedTime);

        return new Summary(started.Elapsed, passes, perSecond);
    }

    private static async Task PassAsync<TRequest>(ILoadTarget<TRequest> target, long events, int batch, int concurrency)
    {
        try
        {
            await LoadDriver.RunAsync(target, events, batch, concurrency);
        }
        finally
        {
            (target as IDisposable)?.Dispose();
        }
    }
}
