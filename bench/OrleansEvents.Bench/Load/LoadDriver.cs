using System.Diagnostics;
using OrleansEvents.Bench.Append;

namespace OrleansEvents.Bench.Load;

/// <summary>
/// Sends a row's events as requests of up to <c>batch</c> events from <c>concurrency</c> workers until
/// exactly the row's total is sent. Closed loop (each worker sends, waits, repeats), or, given a rate,
/// open loop: request i is due i ÷ rate seconds after the start, whether or not earlier ones are done.
/// </summary>
public static class LoadDriver
{
    public static async Task<LoadRun> RunAsync<TRequest>(ILoadTarget<TRequest> target, long events, int batch, int concurrency, double? requestsPerSecond = null)
    {
        var requests = (events + batch - 1) / batch;
        var next = -1L;
        var retries = 0L;
        var latencies = new List<double>[concurrency];
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>((int)(requests / concurrency + 1));
            var random = new Random(worker);
            while (Interlocked.Increment(ref next) is var i && i < requests)
            {
                var request = target.Prepare(random, (int)Math.Min(batch, events - i * batch));
                var sent = Stopwatch.GetTimestamp();
                if (requestsPerSecond is { } rate)
                {
                    // A request already late when its worker got to it waited in a backlog: that wait is
                    // latency too. One not yet due is timed from when it went out, not counting timer slack.
                    var due = started + (long)(i / rate * Stopwatch.Frequency);
                    if (due > sent)
                    {
                        await Task.Delay(Stopwatch.GetElapsedTime(sent, due));
                        sent = Stopwatch.GetTimestamp();
                    }
                    else
                    {
                        sent = due;
                    }
                }

                Interlocked.Add(ref retries, await target.SendAsync(request));
                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        })));
        return new LoadRun(Measurement.From("", Stopwatch.GetElapsedTime(started), latencies.SelectMany(l => l).ToList(), events), retries);
    }
}
