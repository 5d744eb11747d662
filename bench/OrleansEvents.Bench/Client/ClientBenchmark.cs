using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using OrleansEvents.Client.Hosting;
using OrleansEvents.Client.Recording;
using OrleansEvents.Client.Sending;

namespace OrleansEvents.Bench.Client;

/// <summary>
/// The .NET client against raw HTTP, side by side on one silo in a process of its own: events/s of one
/// process calling <c>ErrorAsync</c> in a loop (queued, batched, sent over HTTP), until the last is stored,
/// and the same events posted by <see cref="HttpClient"/> one per request with 32 in flight. Also what a
/// caller waits per call (p50/p99/max). Goals: ≥ 5 × the raw rate, p99 enqueue under 50 µs.
/// </summary>
public static class ClientBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = Option(args, "--events", 200_000);
        var seconds = Option(args, "--seconds", 10);
        var inFlight = Option(args, "--in-flight", 32);
        var batch = Option(args, "--batch", 500);
        Console.WriteLine($"client benchmark: {events:N0} events through the client, raw HTTP for {seconds} s with {inFlight} in flight, " +
                          $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
        await using var silo = await ChildSilo.StartAsync();

        var raw = await RawAsync(silo.Endpoint, seconds, inFlight);
        var client = await ThroughClientAsync(silo.Endpoint, events, batch);

        Console.WriteLine();
        Console.WriteLine("| path | events | seconds | events/s | caller waits p50 / p99 / max |");
        Console.WriteLine("| --- | ---: | ---: | ---: | --- |");
        Console.WriteLine($"| raw HttpClient, one event per POST, {inFlight} in flight | {raw.Events:N0} | {raw.Seconds:0.00} | {raw.PerSecond:N0} | {raw.Waits} |");
        Console.WriteLine($"| client `ErrorAsync` loop, one thread, batches of {batch} | {client.Events:N0} | {client.Seconds:0.00} | {client.PerSecond:N0} | {client.Waits} |");
        Console.WriteLine($"| client ÷ raw (goal ≥ 5) | | | {client.PerSecond / raw.PerSecond:0.0} × | |");
        return 0;
    }

    /// <summary>Posts one event per request, <paramref name="inFlight"/> at a time, for a warm-up and then <paramref name="seconds"/>.</summary>
    private static async Task<Result> RawAsync(Uri endpoint, int seconds, int inFlight)
    {
        using var http = new HttpClient { BaseAddress = endpoint };
        http.DefaultRequestHeaders.Add("X-API-Key", ClientSiloCommand.Key);
        await PostForAsync(http, TimeSpan.FromSeconds(3), inFlight, "bench.raw_warmup", []);
        var waits = new List<long>();
        var started = Stopwatch.GetTimestamp();
        var posted = await PostForAsync(http, TimeSpan.FromSeconds(seconds), inFlight, "bench.raw", waits);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Result(posted, elapsed, Percentiles(waits, "ms"));
    }

    private static async Task<long> PostForAsync(HttpClient http, TimeSpan duration, int inFlight, string eventType, List<long> waits)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var posted = 0L;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            var mine = new List<long>();
            while (Stopwatch.GetTimestamp() < until)
            {
                var n = Interlocked.Increment(ref posted);
                var body = $$$"""{"event_id":"{{{Guid.CreateVersion7():N}}}","timestamp":"{{{DateTimeOffset.UtcNow:O}}}","severity":"error","event_type":"{{{eventType}}}","message":"{{{eventType}}}","context":{"n":{{{n}}}}}""";
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("api/events", new StringContent(body, Encoding.UTF8, "application/json"));
                response.EnsureSuccessStatusCode();
                mine.Add(Stopwatch.GetTimestamp() - sent);
            }

            lock (waits)
            {
                waits.AddRange(mine);
            }
        }));
        return posted;
    }

    /// <summary>Calls <c>ErrorAsync</c> in a loop on one thread, timing each call, then waits until the store has them all.</summary>
    private static async Task<Result> ThroughClientAsync(Uri endpoint, int events, int batch)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddOrleansEvents(o =>
        {
            o.Endpoint = endpoint;
            o.ApiKey = ClientSiloCommand.Key;
            o.QueueCapacity = events;
            o.MaxBatchSize = batch;
        });
        using var host = builder.Build();
        await host.StartAsync();
        var recorder = host.Services.GetRequiredService<IEventRecorder>();
        using var dropped = new MetricCollector<long>(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), ClientMetrics.MeterName, ClientMetrics.Dropped);

        Loop(recorder, "bench.client_warmup", Math.Min(events, 20_000), null);
        await recorder.FlushAsync();

        var waits = new long[events];
        var started = Stopwatch.GetTimestamp();
        Loop(recorder, "bench.client", events, waits);
        await recorder.FlushAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await host.StopAsync();
        var lost = dropped.GetMeasurementSnapshot().Sum(m => m.Value);
        return new Result(events - lost, elapsed, Percentiles(waits, "µs") + (lost > 0 ? $" ({lost:N0} dropped)" : ""));
    }

    private static void Loop(IEventRecorder recorder, string eventType, int count, long[]? waits)
    {
        for (var i = 0; i < count; i++)
        {
            var called = Stopwatch.GetTimestamp();
            _ = recorder.ErrorAsync(eventType, payload: new { N = i });
            if (waits is not null)
            {
                waits[i] = Stopwatch.GetTimestamp() - called;
            }
        }
    }

    private static string Percentiles(IReadOnlyCollection<long> ticks, string unit)
    {
        var sorted = ticks.Order().ToArray();
        var scale = unit == "µs" ? 1_000_000.0 : 1_000.0;
        string At(double fraction) => (sorted[(int)Math.Min(sorted.Length - 1, fraction * sorted.Length)] * scale / Stopwatch.Frequency).ToString("0.0", CultureInfo.InvariantCulture);
        return sorted.Length == 0 ? "—" : $"{At(0.50)} / {At(0.99)} / {At(1.0)} {unit}";
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record Result(long Events, double Seconds, string Waits)
    {
        public double PerSecond => Events / Seconds;
    }
}
