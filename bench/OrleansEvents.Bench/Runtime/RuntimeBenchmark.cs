using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace OrleansEvents.Bench.Runtime;

/// <summary>
/// Orleans' numbers on one silo in this process: no-op calls per second on one grain, with 32 callers
/// across 10 000 grains and with 1 000, and the memory an idle activation costs over 100 000 activations.
/// </summary>
public static class RuntimeBenchmark
{
    private const int SpreadGrains = 10_000;
    private const int IdleActivations = 100_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args is ["--seconds", var value] ? double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 5;
        var duration = TimeSpan.FromSeconds(seconds);
        Console.WriteLine($"runtime benchmark: {Environment.ProcessorCount} cores, {duration.TotalSeconds:0} s per measurement, .NET {Environment.Version}");

        var oneGrain = await MeasureCallsAsync(grainCount: 1, callers: 64, duration);
        var thirtyTwo = await MeasureCallsAsync(grainCount: SpreadGrains, callers: 32, duration);
        var spread = await MeasureCallsAsync(grainCount: SpreadGrains, callers: 1_000, duration);
        var (bytesPerActivation, activateSeconds, shutdownSeconds) = await MeasureIdleActivationsAsync();

        Console.WriteLine();
        Console.WriteLine("| measurement | goal | measured |");
        Console.WriteLine("| --- | --- | --- |");
        Console.WriteLine($"| no-op calls/s, one grain (64 callers) | — | {oneGrain:N0} |");
        Console.WriteLine($"| no-op calls/s, {SpreadGrains:N0} grains (32 callers) | — | {thirtyTwo:N0} |");
        Console.WriteLine($"| no-op calls/s, {SpreadGrains:N0} grains (1 000 callers) | ≥ 500 000 | {spread:N0} |");
        Console.WriteLine($"| bytes per idle activation (grain object included) | < 2 048 | {bytesPerActivation:N0} |");
        Console.WriteLine($"| {IdleActivations:N0} activations: activate / shut down | works | {activateSeconds:0.00} s / {shutdownSeconds:0.00} s |");
        return 0;
    }

    private static async Task<double> MeasureCallsAsync(int grainCount, int callers, TimeSpan duration)
    {
        using var host = await StartHostAsync();
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        var grains = Enumerable.Range(0, grainCount).Select(i => factory.GetGrain<INoopGrain>($"noop-{i}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.PingAsync()));

        // Warm up (JIT, tiering, thread pool growth), then measure.
        await RunCallersAsync(grains, callers, TimeSpan.FromSeconds(1));
        var stopwatch = Stopwatch.StartNew();
        var calls = await RunCallersAsync(grains, callers, duration);
        var rate = calls / stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"  {grainCount:N0} grain(s), {callers} callers: {calls:N0} calls in {stopwatch.Elapsed.TotalSeconds:0.00} s = {rate:N0}/s");
        await host.StopAsync();
        return rate;
    }

    private static async Task<long> RunCallersAsync(INoopGrain[] grains, int callers, TimeSpan duration)
    {
        // The deadline is read from the clock, not from a timer: with every pool thread busy calling,
        // a timer's callback may wait for a thread for as long as the calls keep coming.
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            long count = 0;
            var next = caller % grains.Length;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                await grains[next].PingAsync();
                next = (next + callers) % grains.Length;
                count++;
            }

            return count;
        })));
        return counts.Sum();
    }

    private static async Task<(double BytesPerActivation, double ActivateSeconds, double ShutdownSeconds)> MeasureIdleActivationsAsync()
    {
        using var host = await StartHostAsync();
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        await factory.GetGrain<INoopGrain>("warm-up").PingAsync();
        var before = SettledMemory();

        var stopwatch = Stopwatch.StartNew();
        for (var batch = 0; batch < IdleActivations; batch += 1_000)
        {
            await Task.WhenAll(Enumerable.Range(batch, 1_000).Select(i => factory.GetGrain<INoopGrain>($"idle-{i}").PingAsync()));
        }

        var activateSeconds = stopwatch.Elapsed.TotalSeconds;
        var after = SettledMemory();
        var bytes = (double)(after - before) / IdleActivations;
        var alive = await factory.GetGrain<IManagementGrain>(0).GetTotalActivationCount();
        Console.WriteLine($"  {IdleActivations:N0} activations: {(after - before) / 1024.0 / 1024.0:N1} MiB = {bytes:N0} bytes each (grain object included) in {activateSeconds:0.00} s, {alive:N0} alive");

        stopwatch.Restart();
        await host.StopAsync();
        Console.WriteLine($"  shutdown deactivated them in {stopwatch.Elapsed.TotalSeconds:0.00} s");
        return (bytes, activateSeconds, stopwatch.Elapsed.TotalSeconds);
    }

    private static long SettledMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<IHost> StartHostAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: 11_211, gatewayPort: 30_200));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
