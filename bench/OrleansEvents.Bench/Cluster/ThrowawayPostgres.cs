using Npgsql;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Bench.Cluster;

/// <summary>
/// A PostgreSQL server for one bench run, started from the installed server binaries (initdb and
/// pg_ctl on a free loopback port, as the postgres user when running as root) with default
/// durability (fsync and synchronous commit on), and removed with its data directory afterwards.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string DirectoryPrefix = "oe-bench-cluster-pg-";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _binaries;
    private readonly string _root;
    private readonly bool _asRoot;
    private readonly Action _stop;
    private readonly Lock _stopping = new();
    private bool _stopped;

    private ThrowawayPostgres(string binaries, string root, bool asRoot, int port)
    {
        _binaries = binaries;
        _root = root;
        _asRoot = asRoot;
        Port = port;
        _stop = StopOnce;
    }

    public int Port { get; }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var binaries = PostgresBinaries.Find() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin; apt-get install postgresql");
        var asRoot = Environment.UserName == "root";
        RemoveLeftovers(binaries, asRoot);

        // The process id in the name lets a later run tell a directory whose bench was killed (SIGKILL) from one in use.
        var root = Path.Combine(Path.GetTempPath(), $"{DirectoryPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(root);
        var server = new ThrowawayPostgres(binaries, root, asRoot, FreePorts.Next());
        ExitGuard.Add(server._stop);
        try
        {
            if (asRoot)
            {
                await PostgresBinaries.RunAsync("chown", ["postgres:postgres", root], asPostgres: false);
            }

            await PostgresBinaries.RunAsync(Path.Combine(binaries, "initdb"), ["-D", server.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], asRoot);
            await PostgresBinaries.RunAsync(Path.Combine(binaries, "pg_ctl"),
            [
                "-D", server.Data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start", "-o",
                $"-p {server.Port} -c listen_addresses=127.0.0.1 -k {root} -c max_connections=300",
            ], asRoot);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        var admin = $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=15";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync();
        }

        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    public ValueTask DisposeAsync()
    {
        ExitGuard.Remove(_stop);
        StopOnce();
        return ValueTask.CompletedTask;
    }

    private string Data => Path.Combine(_root, "data");

    // A signal's handler and the unwinding it sets off (its killed silos fail the awaits) both stop
    // the server: the second waits for the first, so the process never ends mid-delete.
    private void StopOnce()
    {
        lock (_stopping)
        {
            if (!_stopped)
            {
                Stop(_binaries, _root, _asRoot);
                _stopped = true;
            }
        }
    }

    private static void Stop(string binaries, string root, bool asRoot)
    {
        var data = Path.Combine(root, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try
            {
                // Synchronous: a signal handler calls this too, and the process ends right after it.
                PostgresBinaries.RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "-t", "30", "stop"], asRoot).Wait(CommandTimeout);
            }
            catch (AggregateException)
            {
                // Already stopped; the directory still goes.
            }
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"could not remove {root}: {exception.Message}");
        }
    }

    /// <summary>Servers of earlier runs whose bench process is gone (killed before it could stop them).</summary>
    private static void RemoveLeftovers(string binaries, bool asRoot)
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var pid = Path.GetFileName(directory)[DirectoryPrefix.Length..].Split('-')[0];
            if (int.TryParse(pid, out var processId) && !PostgresBinaries.IsRunning(processId))
            {
                Stop(binaries, directory, asRoot);
            }
        }
    }
}
