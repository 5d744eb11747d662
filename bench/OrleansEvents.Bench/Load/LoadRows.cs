using System.Runtime;
using Microsoft.Data.Sqlite;
using Npgsql;
using OrleansEvents.Bench.Append;
using OrleansEvents.Bench.Cluster;
using OrleansEvents.Bench.Reference;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Bench.Load;

/// <summary>
/// Runs one row, each on a database of its own: in-process on warm grains, over HTTP against a fresh
/// silo process (cold grains: the process warms up on other streams first) on PostgreSQL or on its embedded SQLite file, or the reference
/// writers (binary COPY, single-row INSERT) into the same schema.
/// </summary>
public sealed class LoadRows(LoadPostgres postgres, string siloAssembly, string workDirectory, long events, long warmUpEvents)
{
    private const string InProcessTenant = "bench";
    private const string WarmUpTenant = "warmup";
    private const int FloorRequestsPerEvent = 10;
    private const string WarmUpStreamPrefix = "warm";

    // The tenant of SiloProcess.Key, which names none.
    private const string HttpTenant = "default";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public Task<LoadResult> RunAsync(LoadRow row, string database) => row.Method switch
    {
        LoadRow.InProcess or LoadRow.InProcessHalfRate => OnDatabaseAsync(database, row, InProcessAsync),
        LoadRow.Http => OnDatabaseAsync(database, row, HttpAsync),
        LoadRow.HttpSqlite => HttpSqliteAsync(row, database),
        LoadRow.HttpFloor => OnDatabaseAsync(database, row, HttpFloorAsync),
        LoadRow.HandWrittenHttp => OnDatabaseAsync(database, row, HandWrittenHttpAsync),
        LoadRow.Copy or LoadRow.Insert or LoadRow.InsertHalfRate => OnDatabaseAsync(database, row, ReferenceAsync),
        _ => throw new ArgumentOutOfRangeException(nameof(row), row.Method, null),
    };

    private async Task<LoadResult> InProcessAsync(LoadRow row, string connectionString)
    {
        LoadRun run;
        CpuCores cpu;
        long allocated;
        await using (var path = await OurAppendPath.StartAsync(connectionString, flushes: 1, FreePorts.ForSilo()))
        {
            // JIT first (on other streams), then every stream grain of the row, so it times steady-state appends.
            Console.WriteLine($"#   {await LoadWarmUp.RunAsync((_, _) => new InProcessAppendTarget(path, WarmUpTenant, row.Streams), row, warmUpEvents, () => JitInfo.GetCompilationTime())}");
            await path.ActivateAsync(LoadRow.StreamPrefix, row.Streams);
            var meter = CpuMeter.ForServer(postgres.Processes);
            var gc = ProcessGc.Start(Environment.ProcessId);
            run = await LoadDriver.RunAsync(new InProcessAppendTarget(path, InProcessTenant, row.Streams), events, row.Batch, row.Concurrency, row.RequestsPerSecond);
            cpu = meter.Stop();
            allocated = await gc.StopAsync();
            Console.WriteLine($"#   bench allocations by type, sampled: {gc.TopTypes(6)}; {gc.Pauses()}");
        }

        return new LoadResult(row, run, cpu, allocated / (double)events, await LoadPostgres.CountAsync(connectionString, InProcessTenant));
    }

    private async Task<LoadResult> HttpAsync(LoadRow row, string connectionString)
    {
        LoadRun run;
        CpuCores cpu;
        long allocated;
        await using (var silo = SiloProcess.Start("silo", siloAssembly, connectionString, workDirectory))
        {
            await silo.WaitUntilReadyAsync(activeSilos: 1, StartTimeout);
            (run, cpu, allocated) = await PostAsync(row, silo);
        }

        return new LoadResult(row, run, cpu, allocated / (double)events, await LoadPostgres.CountAsync(connectionString, HttpTenant));
    }

    /// <summary>The bench's hand-written HTTP append server in a process of its own, warmed up and measured as the silo is.</summary>
    private async Task<LoadResult> HandWrittenHttpAsync(LoadRow row, string connectionString)
    {
        await OurAppendPath.MigrateAsync(connectionString);
        LoadRun run;
        CpuCores cpu;
        long allocated;
        await using (var server = SiloProcess.StartReferenceServer(connectionString, workDirectory))
        {
            await server.WaitUntilReadyAsync(activeSilos: null, StartTimeout);
            (run, cpu, allocated) = await PostAsync(row, server);
        }

        return new LoadResult(row, run, cpu, allocated / (double)events, await LoadPostgres.CountAsync(connectionString, GroupCommitWriter.TenantId));
    }

    /// <summary>
    /// The same silo process answering <see cref="HttpGetTarget.Path"/>: <c>ok</c> is every request answered 200.
    /// A GET costs a fraction of a POST, so it runs ten times the requests to last as long and be as warm.
    /// </summary>
    private async Task<LoadResult> HttpFloorAsync(LoadRow row, string connectionString)
    {
        var requests = FloorRequestsPerEvent * events;
        await using var silo = SiloProcess.Start("silo", siloAssembly, connectionString, workDirectory);
        await silo.WaitUntilReadyAsync(activeSilos: 1, StartTimeout);
        using (var warmUp = new HttpGetTarget(silo.BaseAddress, SiloProcess.Key, row.Concurrency))
        {
            await LoadDriver.RunAsync(warmUp, FloorRequestsPerEvent * warmUpEvents, 1, row.Concurrency);
        }

        using var target = new HttpGetTarget(silo.BaseAddress, SiloProcess.Key, row.Concurrency);
        var gc = ProcessGc.Start(silo.ProcessId);
        var meter = CpuMeter.ForClient(postgres.Processes, silo.ProcessId);
        var run = await LoadDriver.RunAsync(target, requests, 1, row.Concurrency);
        var cpu = meter.Stop();
        var allocated = await gc.StopAsync();
        return new LoadResult(row, run, cpu, allocated / (double)requests, target.Answered);
    }

    private async Task<LoadResult> HttpSqliteAsync(LoadRow row, string database)
    {
        var directory = Path.Combine(workDirectory, database);
        Directory.CreateDirectory(directory);
        try
        {
            LoadRun run;
            CpuCores cpu;
            long allocated;
            // The silo's default store: data/events.db under its working directory.
            await using (var silo = SiloProcess.Start("silo", siloAssembly, directory, ["--Storage:Provider=sqlite"]))
            {
                await silo.WaitUntilReadyAsync(activeSilos: 1, StartTimeout);
                (run, cpu, allocated) = await PostAsync(row, silo);
            }

            return new LoadResult(row, run, cpu, allocated / (double)events, await CountSqliteAsync(Path.Combine(directory, "data", "events.db")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<(LoadRun Run, CpuCores Cpu, long Allocated)> PostAsync(LoadRow row, SiloProcess silo)
    {
        // The process warms up (JIT, connections) on streams of its own first; the row's grains stay cold.
        var warmUp = await LoadWarmUp.RunAsync(
            (batch, concurrency) => new HttpAppendTarget(silo.BaseAddress, SiloProcess.Key, row.Streams, concurrency, batch, WarmUpStreamPrefix),
            row, warmUpEvents, () => silo.TieredCompilationTime() + JitInfo.GetCompilationTime());
        Console.WriteLine($"#   {warmUp}");

        using var target = new HttpAppendTarget(silo.BaseAddress, SiloProcess.Key, row.Streams, row.Concurrency, row.Batch);
        var gc = ProcessGc.Start(silo.ProcessId);
        var meter = CpuMeter.ForClient(postgres.Processes, silo.ProcessId);
        var run = await LoadDriver.RunAsync(target, events, row.Batch, row.Concurrency, row.RequestsPerSecond);
        var cpu = meter.Stop();
        var allocated = await gc.StopAsync();
        Console.WriteLine($"#   {silo.Name} allocations by type, sampled: {gc.TopTypes(6)}; {gc.Pauses()}");
        return (run, cpu, allocated);
    }

    /// <summary>
    /// The reference writers: binary COPY, single-row INSERTs on one connection, and the same INSERTs from
    /// the row's connections open loop at its rate (the half-rate row's), a hand-written writer at that load.
    /// </summary>
    private async Task<LoadResult> ReferenceAsync(LoadRow row, string connectionString)
    {
        await OurAppendPath.MigrateAsync(connectionString);
        LoadRun run;
        CpuCores cpu;
        long allocated;
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            var meter = CpuMeter.ForClient(postgres.Processes);
            var gc = ProcessGc.Start(Environment.ProcessId);
            run = row.Method switch
            {
                LoadRow.Copy => new LoadRun(await CopyWriter.RunAsync(row.Method, dataSource, LoadRow.StreamPrefix, row.Streams, RunBudget.Of(events)), 0),
                LoadRow.Insert => new LoadRun(await NaiveWriter.RunAsync(row.Method, dataSource, LoadRow.StreamPrefix, row.Streams, row.Concurrency, RunBudget.Of(events)), 0),
                _ => await LoadDriver.RunAsync(new InsertAppendTarget(dataSource, row.Streams), events, 1, row.Concurrency, row.RequestsPerSecond),
            };
            cpu = meter.Stop();
            allocated = await gc.StopAsync();
        }

        // Every writer stores as tenant "bench".
        return new LoadResult(row, run, cpu, allocated / (double)events, await LoadPostgres.CountAsync(connectionString, InProcessTenant));
    }

    /// <summary>Runs a row on a fresh PostgreSQL database of its own, dropped after.</summary>
    private async Task<LoadResult> OnDatabaseAsync(string database, LoadRow row, Func<LoadRow, string, Task<LoadResult>> run)
    {
        var connectionString = await postgres.CreateDatabaseAsync(database);
        try
        {
            return await run(row, connectionString);
        }
        finally
        {
            await postgres.DropDatabaseAsync(database);
        }
    }

    private static async Task<long> CountSqliteAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM events WHERE tenant_id = $tenant AND stream LIKE '{LoadRow.StreamsLike}'";
        command.Parameters.AddWithValue("$tenant", HttpTenant);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
