using System.Diagnostics;
using System.Runtime;
using OrleansEvents.Bench.Fanout;

namespace OrleansEvents.Bench.Cluster;

/// <summary>
/// Commit-to-browser latency across silos, side by side in one run on one throwaway PostgreSQL:
/// one silo process (subscribers on its hub, events posted to its HTTP API) against two silo
/// processes forming one cluster (subscribers on silo A, events posted to silo B, so every event is
/// committed on B and reaches A's gateway through the cluster's log reader and the <c>events</c>
/// stream). Each configuration on a fresh database, alternating for <c>--rounds</c> rounds. Goal:
/// two silos' p50 and p99 ≤ 2 × one silo's.
/// </summary>
public static class FanoutClusterBenchmark
{
    private const string HubPath = "/hubs/events";
    private const string PostPath = "/api/events";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var subscribers = FanoutLoad.Option(args, "--subscribers", 200);
        var rate = FanoutLoad.Option(args, "--rate", 50);
        var seconds = FanoutLoad.Option(args, "--seconds", 10);
        var rounds = FanoutLoad.Option(args, "--rounds", 2);
        var silo = SiloProcess.BuiltAssembly();
        if (!File.Exists(silo))
        {
            Console.Error.WriteLine($"{silo} not found: build the bench in this configuration first (it builds the silo too)");
            return 2;
        }

        Console.WriteLine($"fanout-cluster benchmark: {subscribers} subscribers (in a process of their own), {rate} events/s for {seconds} s, " +
                          $"{rounds} rounds, {Environment.ProcessorCount} cores, .NET {Environment.Version}, silo {silo}");
        // The silos' working directory: nothing is written there with PostgreSQL and keys configured, but it goes too.
        var work = Directory.CreateTempSubdirectory("oe-bench-cluster-").FullName;
        Action removeWork = () => RemoveDirectory(work);
        ExitGuard.Add(removeWork);
        try
        {
            await using var postgres = await ThrowawayPostgres.StartAsync();
            var results = new List<ClusterFanoutResult>();
            for (var round = 1; round <= rounds; round++)
            {
                results.Add(await OneSiloAsync(postgres, silo, work, round, subscribers, rate, seconds));
                results.Add(await TwoSilosAsync(postgres, silo, work, round, subscribers, rate, seconds));
            }

            Print(results);
            return 0;
        }
        finally
        {
            ExitGuard.Remove(removeWork);
            RemoveDirectory(work);
        }
    }

    private static async Task<ClusterFanoutResult> OneSiloAsync(ThrowawayPostgres postgres, string silo, string work, int round, int subscribers, int rate, int seconds)
    {
        var database = await postgres.CreateDatabaseAsync($"fanout_one_silo_{round}");
        await using var a = SiloProcess.Start("A", silo, database, work);
        await a.WaitUntilReadyAsync(activeSilos: 1, StartTimeout);
        return await MeasureAsync(round, "one silo: post to A, subscribers on A", a, a, [a], subscribers, rate, seconds);
    }

    private static async Task<ClusterFanoutResult> TwoSilosAsync(ThrowawayPostgres postgres, string silo, string work, int round, int subscribers, int rate, int seconds)
    {
        var database = await postgres.CreateDatabaseAsync($"fanout_two_silos_{round}");
        // A migrates the fresh database; B joins the cluster A's membership row started.
        await using var a = SiloProcess.Start("A", silo, database, work);
        await a.WaitUntilReadyAsync(activeSilos: 1, StartTimeout);
        await using var b = SiloProcess.Start("B", silo, database, work);
        await Task.WhenAll(a.WaitUntilReadyAsync(activeSilos: 2, StartTimeout), b.WaitUntilReadyAsync(activeSilos: 2, StartTimeout));
        return await MeasureAsync(round, "two silos: post to B, subscribers on A", a, b, [a, b], subscribers, rate, seconds);
    }

    private static async Task<ClusterFanoutResult> MeasureAsync(
        int round, string configuration, SiloProcess hubSilo, SiloProcess postSilo, IReadOnlyList<SiloProcess> silos, int subscribers, int rate, int seconds)
    {
        var hub = new UriBuilder(hubSilo.BaseAddress) { Scheme = "ws", Path = HubPath, Query = "access_token=" + SiloProcess.Key }.Uri;
        await using var clients = await ChildProcessSubscribers.ConnectAsync(hub, subscribers);
        using var http = new HttpClient { BaseAddress = postSilo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-API-Key", SiloProcess.Key);
        var posts = new FanoutRecorder();
        var postSink = posts.NewSink();

        // The silos' own JIT counts too: their tiered recompilation is what lasts longest.
        var warmUp = await FanoutLoad.WarmUpAsync(http, PostPath, rate, postSink, async () =>
            JitInfo.GetCompilationTime() + await clients.CompilationTimeAsync() + silos.Aggregate(TimeSpan.Zero, (sum, silo) => sum + silo.TieredCompilationTime()));
        await FanoutLoad.WaitForDeliveriesAsync(clients, (long)rate * warmUp * subscribers);
        await clients.ResetAsync();
        posts.Reset();

        var total = rate * seconds;
        var expected = (long)total * subscribers;
        var silosBefore = silos.Select(silo => silo.ProcessorTime()).ToArray();
        var clientsBefore = clients.ProcessorTime();
        var started = Stopwatch.GetTimestamp();
        await FanoutLoad.PostAtRateAsync(http, PostPath, total, rate, postSink);
        var (delivered, _) = await FanoutLoad.WaitForDeliveriesAsync(clients, expected);
        var busy = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var siloCores = silos.Select((silo, i) => (silo.ProcessorTime() - silosBefore[i]).TotalSeconds / busy).ToArray();
        var clientCores = (clients.ProcessorTime() - clientsBefore).TotalSeconds / busy;

        var (p50, p99) = await clients.PercentilesAsync();
        var reader = await hubSilo.LogReaderSiloAsync();
        var readerOn = silos.FirstOrDefault(silo => silo.Is(reader))?.Name ?? reader;
        var result = new ClusterFanoutResult(round, configuration, expected, delivered, p50, p99, posts.PercentileMs(50), posts.PercentileMs(99),
            siloCores, clientCores, readerOn);
        Console.WriteLine($"  round {round}, {configuration}: warmed up for {warmUp} s, then {delivered:N0} of {expected:N0} in {busy:0.00} s; " +
                          $"p50 {p50:0.0} ms, p99 {p99:0.0} ms; log reader on {readerOn}");
        return result;
    }

    private static void Print(IReadOnlyList<ClusterFanoutResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| round | configuration | delivered / expected | p50 ms | p99 ms | POST p50 / p99 ms | cores: silo A / silo B / subscribers | log reader on |");
        Console.WriteLine("| --- | --- | --- | ---: | ---: | --- | --- | --- |");
        foreach (var round in results.GroupBy(result => result.Round))
        {
            foreach (var result in round)
            {
                var b = result.SiloCores.Count > 1 ? $"{result.SiloCores[1]:0.00}" : "—";
                Console.WriteLine($"| {result.Round} | {result.Configuration} | {result.Delivered:N0} / {result.Expected:N0} | {result.P50Ms:0.0} | {result.P99Ms:0.0} | " +
                                  $"{result.PostP50Ms:0.0} / {result.PostP99Ms:0.0} | {result.SiloCores[0]:0.00} / {b} / {result.SubscriberCores:0.00} | {result.ReaderOn} |");
            }

            var one = round.First(result => result.SiloCores.Count == 1);
            var two = round.First(result => result.SiloCores.Count == 2);
            Console.WriteLine($"| {one.Round} | two silos ÷ one silo (goal ≤ 2 ×) | | {two.P50Ms / one.P50Ms:0.00} × | {two.P99Ms / one.P99Ms:0.00} × | | | |");
        }
    }

    private static void RemoveDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // A signal's handler was first.
        }
    }
}
