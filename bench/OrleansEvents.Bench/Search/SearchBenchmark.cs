using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrleansEvents.Hosting;
using OrleansEvents.Queries;

namespace OrleansEvents.Bench.Search;

/// <summary>
/// q and context.&lt;key&gt;=&lt;value&gt; over a million events on PostgreSQL, through the product's query
/// path (the query grain, EventQuerySql, the store's prepared statements): one query at a time, a
/// different value each time, the first page of 100, newest first, as GET /api/events asks.
/// </summary>
public static class SearchBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (!options.TryGetValue("--postgres", out var connectionString))
        {
            Console.Error.WriteLine("usage: search --postgres \"Host=...;Database=...\" [--events 1000000] [--queries 40]   (bench/search.sh starts a throwaway server)");
            return 2;
        }

        var events = int.Parse(options.GetValueOrDefault("--events", "1000000"), CultureInfo.InvariantCulture);
        var queries = int.Parse(options.GetValueOrDefault("--queries", "40"), CultureInfo.InvariantCulture);
        Console.WriteLine($"search benchmark: {Environment.ProcessorCount} cores, {events:N0} events, {queries} queries per kind");

        using var host = await StartAsync(connectionString);
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await SearchData.FillAsync(dataSource, events);
        }

        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IEventQueryGrain>(0);
        Console.WriteLine();
        Console.WriteLine("| query | share of events | answered | p50 ms | p95 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var kind in SearchKinds.All(new Random(14)))
        {
            var filters = Enumerable.Range(0, queries + 5).Select(_ => kind.Next()).ToList();
            var latencies = new List<double>();
            var answered = new List<int>();
            foreach (var (filter, i) in filters.Select((f, i) => (f, i)))
            {
                var started = Stopwatch.GetTimestamp();
                var page = await grain.QueryAsync(SearchData.Tenant, filter);
                if (i >= 5)
                {
                    // The first five only warm the statement cache and the JIT.
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    answered.Add(page.Events.Count);
                }
            }

            latencies.Sort();
            answered.Sort();
            Console.WriteLine($"| {kind.Name} | {kind.Share} | {answered[answered.Count / 2]} | {Percentile(latencies, 0.50):0.0} | {Percentile(latencies, 0.95):0.0} |");
        }

        await host.StopAsync();
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<IHost> StartAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:Events"] = connectionString,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddEventGrains();
        var host = builder.Build();
        await host.Services.MigrateEventStorageAsync();
        await host.StartAsync();
        return host;
    }
}
