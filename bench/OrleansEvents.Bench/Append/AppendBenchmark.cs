using System.Globalization;
using Npgsql;

namespace OrleansEvents.Bench.Append;

/// <summary>
/// Append throughput and latency on PostgreSQL, side by side in one run (issue 4's goals): the
/// product's grain + group-commit path against a naive one-INSERT-per-event writer and binary COPY,
/// with the same schema, payload and durability (synchronous commit on). Stream grains are activated
/// before the runs, so they measure steady-state appends (an activation costs three small queries).
/// </summary>
public static class AppendBenchmark
{
    private const int Callers = 32;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (!options.TryGetValue("--postgres", out var connectionString))
        {
            Console.Error.WriteLine("usage: append --postgres \"Host=...;Database=...\" [--seconds 5] [--flushes 1] [--profile 1]   (bench/append.sh starts a throwaway server)");
            return 2;
        }

        var duration = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("--seconds", "5"), CultureInfo.InvariantCulture));
        var flushes = int.Parse(options.GetValueOrDefault("--flushes", "1"), CultureInfo.InvariantCulture);
        Console.WriteLine($"append benchmark: {Environment.ProcessorCount} cores, {duration.TotalSeconds:0} s per run, {Callers} callers, writer flushes in flight: {flushes}");

        var results = new List<Measurement>();
        var gcs = GcSnapshot.Take();
        void Report(Measurement m)
        {
            results.Add(m);
            var now = GcSnapshot.Take();
            Console.WriteLine($"  {m.Name}: {m.EventsPerSecond:N0} events/s, p50 {m.P50Milliseconds:0.00} ms, p99 {m.P99Milliseconds:0.00} ms ({now - gcs})");
            gcs = now;
        }

        Measurement spread, hot, halfRate;
        await using (var ours = await OurAppendPath.StartAsync(connectionString, flushes))
        {
            await ours.RunAsync("warm-up", "warm", 1000, Callers, TimeSpan.FromSeconds(2));
            foreach (var (prefix, streams) in new[] { ("s10k", 10_000), ("s100", 100), ("hot", 1), ("half", 10_000) })
            {
                await ours.ActivateAsync(prefix, streams);
            }

            gcs = GcSnapshot.Take();

            Report(spread = await ours.RunAsync("ours, 10 000 streams", "s10k", 10_000, Callers, duration));
            if (options.ContainsKey("--profile"))
            {
                // Only the 10 000-stream run, long enough to attach a profiler to.
                return 0;
            }

            Report(await ours.RunAsync("ours, 100 streams", "s100", 100, Callers, duration));
            Report(hot = await ours.RunAsync("ours, 1 hot stream", "hot", 1, Callers, duration));
            Report(halfRate = await ours.RunAtRateAsync("ours at half the 10 000-stream rate", "half", 10_000, Callers, spread.EventsPerSecond / 2, duration));
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var naiveOne = await NaiveWriter.RunAsync("naive INSERT + commit, 1 connection", dataSource, "n1", 10_000, 1, RunBudget.For(duration));
        Report(naiveOne);
        var naiveEight = await NaiveWriter.RunAsync("naive INSERT + commit, 8 connections", dataSource, "n8", 10_000, 8, RunBudget.For(duration));
        Report(naiveEight);
        var copy = await CopyWriter.RunAsync("binary COPY, 5 000-row chunks", dataSource, "copy", 10_000, RunBudget.For(duration));
        Report(copy);

        Console.WriteLine();
        Console.WriteLine("| path | events/s | p50 ms | p99 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var m in results)
        {
            var chunk = m.Name.Contains("COPY", StringComparison.Ordinal) ? " (per chunk)" : "";
            Console.WriteLine($"| {m.Name} | {m.EventsPerSecond:N0} | {m.P50Milliseconds:0.00}{chunk} | {m.P99Milliseconds:0.00}{chunk} |");
        }

        Console.WriteLine();
        Console.WriteLine("| goal | target | measured |");
        Console.WriteLine("| --- | --- | --- |");
        Console.WriteLine($"| ours (10 000 streams) ÷ binary COPY | ≥ 0.5 | {spread.EventsPerSecond / copy.EventsPerSecond:0.00} |");
        Console.WriteLine($"| ours (10 000 streams) ÷ naive, 1 connection | ≥ 20 | {spread.EventsPerSecond / naiveOne.EventsPerSecond:0.0} |");
        Console.WriteLine($"| ours (10 000 streams) ÷ naive, 8 connections | ≥ 5 | {spread.EventsPerSecond / naiveEight.EventsPerSecond:0.0} |");
        Console.WriteLine($"| hot stream ÷ 10 000 streams | ≥ 0.5 | {hot.EventsPerSecond / spread.EventsPerSecond:0.00} |");
        Console.WriteLine($"| p99 at half rate ÷ one single-row INSERT (p50, 1 connection) | ≤ 10 | {halfRate.P99Milliseconds / naiveOne.P50Milliseconds:0.0} ({halfRate.P99Milliseconds:0.00} ms ÷ {naiveOne.P50Milliseconds:0.00} ms) |");
        return 0;
    }
}
