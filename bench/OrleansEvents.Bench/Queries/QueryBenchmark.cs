using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrleansEvents.Hosting;
using OrleansEvents.Queries;

namespace OrleansEvents.Bench.Queries;

/// <summary>
/// GET by id and every documented list filter over a million events on PostgreSQL, through the
/// product's query path (the query grain, EventQuerySql, the store's prepared statements): one query
/// at a time, a fresh value each time where the data has many, after five of warm-up per kind.
/// </summary>
public static class QueryBenchmark
{
    /// <summary>What is judged at p99 is asked this many times more often, so the p99 is not just the slowest of a few.</summary>
    private const int GetByIdFactor = 25;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (!options.TryGetValue("--postgres", out var connectionString))
        {
            Console.Error.WriteLine("usage: queries --postgres \"Host=...;Database=...\" [--events 1000000] [--queries 40] [--only TEXT]   (bench/queries.sh starts a throwaway server)");
            return 2;
        }

        var events = int.Parse(options.GetValueOrDefault("--events", "1000000"), CultureInfo.InvariantCulture);
        var queries = int.Parse(options.GetValueOrDefault("--queries", "40"), CultureInfo.InvariantCulture);
        var only = options.GetValueOrDefault("--only");
        Console.WriteLine($"query benchmark: {Environment.ProcessorCount} cores, {events:N0} events in the queried tenant " +
                          $"({QueryData.TotalFor(events):N0} stored), {queries} queries per kind, load average {MachineLoad.Average()}");

        using var host = await StartAsync(connectionString);
        long firstId, lastId;
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await QueryData.FillAsync(dataSource, events);
            await using var command = dataSource.CreateCommand($"SELECT min(id), max(id) FROM events WHERE tenant_id = '{QueryData.Tenant}'");
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            (firstId, lastId) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IEventQueryGrain>(0);
        Console.WriteLine();
        Console.WriteLine("| query | share of events | answered | p50 ms | p95 ms | p99 ms | goal |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var kind in QueryKinds.All(new Random(14), firstId, lastId).Where(k => only is null || k.Name.Contains(only, StringComparison.Ordinal)))
        {
            var count = kind.Percentile > 0.95 ? queries * GetByIdFactor : queries;
            var latencies = new List<double>();
            var answered = new List<int>();
            for (var i = 0; i < count + 5; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var found = await kind.Run(grain);
                if (i >= 5)
                {
                    // The first five only warm the statement cache and the JIT.
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    answered.Add(found);
                }
            }

            latencies.Sort();
            answered.Sort();
            var judged = Percentile(latencies, kind.Percentile);
            var goal = kind.GoalMilliseconds is { } ms ? $"p{kind.Percentile * 100:0} ≤ {ms:0} ms: {(judged <= ms ? "met" : "missed")}" : "—";
            Console.WriteLine($"| {kind.Name} | {kind.Share} | {answered[answered.Count / 2]} | {Percentile(latencies, 0.50):0.0} | " +
                              $"{Percentile(latencies, 0.95):0.0} | {Percentile(latencies, 0.99):0.0} | {goal} |");
        }

        Console.WriteLine();
        Console.WriteLine($"load average {MachineLoad.Average()}");
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
            // The generated events span two weeks; nothing may expire while the bench runs.
            ["Events:Retention:Days"] = "0",
        });
        // Events__Search__NewestWindow=… and the like try other settings.
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddEventGrains();
        var host = builder.Build();
        await host.Services.MigrateEventStorageAsync();
        await host.StartAsync();
        return host;
    }
}
