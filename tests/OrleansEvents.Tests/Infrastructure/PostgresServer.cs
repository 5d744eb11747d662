using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, started from the installed server
/// binaries (initdb + pg_ctl on a free loopback port, as the postgres user when running as root)
/// and removed when the run ends. Set EVENTS_TEST_POSTGRES to a connection string to use an
/// existing server instead. Each test class takes a database of its own.
/// </summary>
public sealed class PostgresServer
{
    public const string ConnectionStringVariable = "EVENTS_TEST_POSTGRES";

    private const string DirectoryPrefix = "oe-pg-";

    private static readonly Lazy<Task<PostgresServer>> SharedInstance = new(StartSharedAsync);
    private static int _databaseCounter;

    private readonly Instance? _instance;

    private PostgresServer(string adminConnectionString, Instance? instance = null)
    {
        AdminConnectionString = adminConnectionString;
        _instance = instance;
    }

    /// <summary>The run's server, started on first use.</summary>
    public static Task<PostgresServer> Shared => SharedInstance.Value;

    public string AdminConnectionString { get; }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"oe_{new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray())}_" +
                   $"{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private static Task<PostgresServer> StartSharedAsync() =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } configured
            ? Task.FromResult(new PostgresServer(configured))
            : StartOwnAsync();

    /// <summary>A server of its own, which the caller may stop and start again (tests of outages); removed when the run ends.</summary>
    public static async Task<PostgresServer> StartOwnAsync()
    {
        var binaries = PostgresBinaries.Find() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. " +
            "Install them with 'apt-get install -y postgresql' or set " + ConnectionStringVariable + " to a connection string " +
            "of a server where the user may create databases.");

        var asRoot = Environment.UserName == "root";
        RemoveLeftovers(binaries, asRoot);
        var root = Path.Combine(Path.GetTempPath(), $"{DirectoryPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..30]);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        if (asRoot)
        {
            await PostgresBinaries.RunAsync("chown", ["postgres:postgres", root], asPostgres: false);
        }

        var instance = new Instance(binaries, root, data, FreePorts.Next(), asRoot);
        await PostgresBinaries.RunAsync(Path.Combine(binaries, "initdb"),
            ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], asRoot);
        await instance.StartAsync();

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(binaries, data, root, asRoot);
        return new PostgresServer(
            $"Host=127.0.0.1;Port={instance.Port};Username=postgres;Database=postgres;Timeout=15;Command Timeout=60", instance);
    }

    /// <summary>Stops the server at once (<c>pg_ctl stop -m immediate</c>): every connection drops, as in a crash.</summary>
    public Task StopAsync() => OwnInstance.StopAsync();

    /// <summary>Starts a stopped server again on the same port.</summary>
    public Task StartAsync() => OwnInstance.StartAsync();

    private Instance OwnInstance => _instance ?? throw new InvalidOperationException("Only a server this run started can be stopped.");

    private sealed record Instance(string Binaries, string Root, string Data, int Port, bool AsRoot)
    {
        public Task StartAsync() => PostgresBinaries.RunAsync(Path.Combine(Binaries, "pg_ctl"),
        [
            "-D", Data, "-l", Path.Combine(Root, "server.log"), "-w", "-t", "60", "start", "-o",
            $"-p {Port} -c listen_addresses=127.0.0.1 -k {Root} -c max_connections=300 -c fsync=off -c full_page_writes=off",
        ], AsRoot);

        public Task StopAsync() => PostgresBinaries.RunAsync(Path.Combine(Binaries, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], AsRoot);
    }

    private static void Stop(string binaries, string data, string root, bool asRoot)
    {
        try
        {
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                PostgresBinaries.RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot).Wait(TimeSpan.FromSeconds(30));
            }
        }
        catch (AggregateException)
        {
            // Already stopped; the directory still goes.
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next run sweeps what is left.
        }
    }

    /// <summary>
    /// Clusters of earlier runs whose process is gone: the test host may be killed before its exit
    /// handler has removed the directory.
    /// </summary>
    private static void RemoveLeftovers(string binaries, bool asRoot)
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var pid = Path.GetFileName(directory)[DirectoryPrefix.Length..].Split('-')[0];
            if (int.TryParse(pid, out var processId) && !PostgresBinaries.IsRunning(processId))
            {
                Stop(binaries, Path.Combine(directory, "data"), directory, asRoot);
            }
        }
    }
}
