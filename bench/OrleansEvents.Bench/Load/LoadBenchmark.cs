using System.Globalization;
using System.Text.RegularExpressions;
using OrleansEvents.Bench.Cluster;

namespace OrleansEvents.Bench.Load;

/// <summary>
/// The load generator of issue 16: the same events appended over HTTP to the real silo executable in a
/// process of its own and in-process through the grains, beside binary COPY and single-row INSERT, each
/// row on a fresh database with a fixed number of events, printing per row one JSON line and at the end
/// a table of rows and one of the goals' ratios, with the cores the client, the silo and PostgreSQL used.
/// </summary>
public static class LoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (!options.TryGetValue("--postgres", out var connectionString))
        {
            Console.Error.WriteLine("usage: load --postgres \"Host=...;Username=...\" [--events 20000] [--warm-up 20000] [--only REGEX]   (bench/load.sh starts a throwaway server)");
            return 2;
        }

        var events = long.Parse(options.GetValueOrDefault("--events", "20000"), CultureInfo.InvariantCulture);
        var warmUp = long.Parse(options.GetValueOrDefault("--warm-up", "20000"), CultureInfo.InvariantCulture);
        var only = options.GetValueOrDefault("--only");
        var silo = SiloProcess.BuiltAssembly();
        if (!File.Exists(silo))
        {
            Console.Error.WriteLine($"{silo} not found: build the bench in this configuration first (it builds the silo too)");
            return 2;
        }

        var postgres = await LoadPostgres.ConnectAsync(connectionString);
        Console.WriteLine($"load benchmark: {events:N0} events per row after {warmUp:N0} of warm-up (singles, the row's batch size, then the row's shape until the JIT is quiet), {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
                          $"server GC {System.Runtime.GCSettings.IsServerGC}, silo {silo}, PostgreSQL postmaster {postgres.Processes.Postmaster?.ToString(CultureInfo.InvariantCulture) ?? "not found (every postgres process counts)"}, " +
                          $"load average {MachineLoad.Average()}");

        var work = Directory.CreateTempSubdirectory("oe-bench-load-").FullName;
        Action removeWork = () => Directory.Delete(work, recursive: true);
        ExitGuard.Add(removeWork);
        try
        {
            var rows = new LoadRows(postgres, silo, work, events, warmUp);
            var results = new List<LoadResult>();
            foreach (var row in Plan())
            {
                if (only is not null && !Regex.IsMatch(row.ToString(), only))
                {
                    continue;
                }

                if (await RunRowAsync(rows, row, results) is { } result)
                {
                    results.Add(result);
                }
            }

            Console.WriteLine();
            LoadReport.Print(results, MachineLoad.Average());
            return results.All(r => r.Ok) ? 0 : 1;
        }
        finally
        {
            ExitGuard.Remove(removeWork);
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The issue's rows and those its goals compare them with, references first, HTTP last.</summary>
    private static IEnumerable<LoadRow> Plan()
    {
        yield return new LoadRow(LoadRow.Insert, 10_000, 1, 1);
        yield return new LoadRow(LoadRow.Copy, 10_000, 1, 5_000);
        foreach (var method in new[] { LoadRow.InProcess, LoadRow.Http })
        {
            foreach (var batch in new[] { 1, 100 })
            {
                foreach (var streams in new[] { 10_000, 100, 1 })
                {
                    yield return new LoadRow(method, streams, 32, batch);
                }
            }

            yield return new LoadRow(method, 1, 1, 1);
            yield return new LoadRow(method, 10_000, 8, 100);
            if (method == LoadRow.InProcess)
            {
                // Its rate is set from the 10 000-stream row's when it runs.
                yield return new LoadRow(LoadRow.InProcessHalfRate, 10_000, 32, 1);
                yield return new LoadRow(LoadRow.InsertHalfRate, 10_000, 32, 1);
            }
        }

        yield return new LoadRow(LoadRow.HandWrittenHttp, 10_000, 32, 1);
        yield return new LoadRow(LoadRow.HttpFloor, 0, 32, 1);
        yield return new LoadRow(LoadRow.HttpSqlite, 10_000, 32, 1);
        yield return new LoadRow(LoadRow.HttpSqlite, 10_000, 1, 1);
    }

    private static async Task<LoadResult?> RunRowAsync(LoadRows rows, LoadRow row, List<LoadResult> done)
    {
        if (row.Method is LoadRow.InProcessHalfRate or LoadRow.InsertHalfRate)
        {
            if (done.FirstOrDefault(r => r.Row.Is(LoadRow.InProcess, 10_000, 32, 1)) is not { } full)
            {
                Console.WriteLine($"# {row}: skipped, its rate is half the in-process 10 000-stream row's, which did not run");
                return null;
            }

            row = row with { RequestsPerSecond = full.EventsPerSecond / 2 };
        }

        var database = $"oe_load_{done.Count + 1:00}_{new string([.. row.Method.Where(char.IsAsciiLetter)])}";
        Console.WriteLine($"# {row}{(row.RequestsPerSecond is { } rate ? $", open loop at {rate:N0} requests/s" : "")} (database {database})");
        var result = await rows.RunAsync(row, database);
        Console.WriteLine(result.ToJson());
        return result;
    }
}
