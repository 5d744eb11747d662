using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Hosting;

namespace OrleansEvents.Bench.Append;

/// <summary>The product's path: a stream grain per lead, group commit through the silo's one writer.</summary>
public sealed class OurAppendPath : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly IGrainFactory _grains;

    private OurAppendPath(IHost host)
    {
        _host = host;
        _grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>An in-process silo on PostgreSQL, its schema brought up to date; <paramref name="settings"/> adds configuration (e.g. free Orleans ports).</summary>
    public static async Task<OurAppendPath> StartAsync(string connectionString, int flushes, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = Build(connectionString, flushes, settings);
        await host.Services.MigrateEventStorageAsync();
        await host.StartAsync();
        return new OurAppendPath(host);
    }

    /// <summary>Brings a database's schema up to date without starting a silo, for writers that bypass the grains.</summary>
    public static async Task MigrateAsync(string connectionString)
    {
        using var host = Build(connectionString, flushes: 1, settings: null);
        await host.Services.MigrateEventStorageAsync();
    }

    /// <summary>What the gateway does with a request's events (<see cref="EventCommands.AppendAsync"/>): validate, then each stream's through its grain.</summary>
    public Task<IReadOnlyList<AppendedEvent>> AppendAsync(string tenantId, IReadOnlyList<NewEvent> events) =>
        _grains.AppendAsync(tenantId, events, DateTimeOffset.UtcNow);

    /// <summary>Activates every stream grain first, so runs measure steady-state appends, not activations.</summary>
    public async Task ActivateAsync(string prefix, int streams)
    {
        var grains = Enumerable.Range(0, streams).Select(i => _grains.For("bench", StreamId.Lead($"{prefix}-{i}"))).ToArray();
        foreach (var chunk in grains.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(g => g.GetVersionAsync()));
        }
    }

    /// <summary>Closed loop: each caller appends one event, waits for its commit, repeats.</summary>
    public async Task<Measurement> RunAsync(string name, string prefix, int streams, int callers, TimeSpan duration)
    {
        var grains = Enumerable.Range(0, streams).Select(i => _grains.For("bench", StreamId.Lead($"{prefix}-{i}"))).ToArray();
        var keys = Enumerable.Range(0, streams).Select(i => $"{prefix}-{i}").ToArray();
        var latencies = new List<double>[callers];
        using var stop = new CancellationTokenSource(duration);
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var mine = latencies[caller] = new List<double>(100_000);
            var random = new Random(caller);
            while (!stop.IsCancellationRequested)
            {
                var stream = random.Next(streams);
                var started = Stopwatch.GetTimestamp();
                await grains[stream].AppendAsync(SampleEvents.For(keys[stream]));
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        return Measurement.From(name, stopwatch.Elapsed, latencies.SelectMany(l => l).ToList());
    }

    /// <summary>Open loop at a fixed rate, so latency is measured below saturation.</summary>
    public async Task<Measurement> RunAtRateAsync(string name, string prefix, int streams, int callers, double eventsPerSecond, TimeSpan duration)
    {
        var grains = Enumerable.Range(0, streams).Select(i => _grains.For("bench", StreamId.Lead($"{prefix}-{i}"))).ToArray();
        var keys = Enumerable.Range(0, streams).Select(i => $"{prefix}-{i}").ToArray();
        var interval = TimeSpan.FromSeconds(callers / eventsPerSecond);
        var latencies = new List<double>[callers];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var mine = latencies[caller] = new List<double>(100_000);
            var random = new Random(caller);
            var next = interval * (caller / (double)callers);
            while (next < duration)
            {
                var wait = next - stopwatch.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var stream = random.Next(streams);
                var started = Stopwatch.GetTimestamp();
                await grains[stream].AppendAsync(SampleEvents.For(keys[stream]));
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                next += interval;
            }
        })));
        return Measurement.From(name, stopwatch.Elapsed, latencies.SelectMany(l => l).ToList());
    }

    private static IHost Build(string connectionString, int flushes, IReadOnlyDictionary<string, string?>? settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:Events"] = connectionString,
            ["Events:Writer:MaxConcurrentFlushes"] = flushes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        // As the silo executable reads them, so one variable (Events__Writer__MaxConcurrentFlushes=2) sets both kinds of row.
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddEventGrains();
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
