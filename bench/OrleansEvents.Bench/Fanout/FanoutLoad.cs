using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OrleansEvents.Bench.Fanout;

/// <summary>
/// The sending side of the fan-out benches: events posted at a steady rate, each stamped with the
/// <see cref="Stopwatch"/> time it was sent, the warm-up before timing, and the wait for deliveries.
/// </summary>
public static class FanoutLoad
{
    private const int WarmUpSeconds = 3;
    private const int MaxWarmUpSeconds = 60;
    private static readonly TimeSpan QuietJitPerSecond = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Carries the same traffic unmeasured until the JIT has gone quiet in every process
    /// (<paramref name="compilationTime"/> sums them), so no path is timed while its code is still
    /// being compiled: the product has far more of it (grains, storage, validation), and its tiered
    /// recompilation took a quarter of a core for 15 s after a 3-second warm-up. Returns the seconds spent.
    /// </summary>
    public static async Task<int> WarmUpAsync(HttpClient http, string postPath, int rate, FanoutRecorder.Sink postSink, Func<Task<TimeSpan>> compilationTime)
    {
        await PostAtRateAsync(http, postPath, rate * WarmUpSeconds, rate, postSink);
        var seconds = WarmUpSeconds;
        var compiled = await compilationTime();
        while (seconds < MaxWarmUpSeconds)
        {
            await PostAtRateAsync(http, postPath, rate, rate, postSink);
            seconds++;
            var now = await compilationTime();
            if (now - compiled < QuietJitPerSecond)
            {
                break;
            }

            compiled = now;
        }

        return seconds;
    }

    /// <summary>Posts <paramref name="count"/> events, one every 1/<paramref name="rate"/> s, each carrying its send time as <c>t=&lt;ticks&gt;</c>.</summary>
    public static async Task PostAtRateAsync(HttpClient http, string postPath, int count, int rate, FanoutRecorder.Sink postSink)
    {
        var started = Stopwatch.GetTimestamp();
        var posts = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = started + (long)(i * (double)Stopwatch.Frequency / rate);
            if (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(TimeSpan.FromSeconds((due - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency));
            }

            var body = $$$"""{"event_type":"bench.tick","severity":"info","lead_id":"bench","message":"t={{{Stopwatch.GetTimestamp()}}}","context":{"seq":{{{i}}}}}""";
            posts.Add(PostAsync(http, postPath, body, postSink));
        }

        await Task.WhenAll(posts);
    }

    /// <summary>Waits until <paramref name="expected"/> deliveries arrived or none arrived for 5 s; the count and time of the last change.</summary>
    public static async Task<(long Count, long At)> WaitForDeliveriesAsync(ISubscribers clients, long expected)
    {
        var count = await clients.CountAsync();
        var lastChange = Stopwatch.GetTimestamp();
        while (count < expected && Stopwatch.GetElapsedTime(lastChange) < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
            var now = await clients.CountAsync();
            if (now != count)
            {
                count = now;
                lastChange = Stopwatch.GetTimestamp();
            }
        }

        return (count, lastChange);
    }

    /// <summary>The integer after <paramref name="name"/> on the command line, or <paramref name="fallback"/>.</summary>
    public static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static async Task PostAsync(HttpClient http, string path, string body, FanoutRecorder.Sink appends)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        appends.Record(Stopwatch.GetTimestamp() - started);
    }
}
