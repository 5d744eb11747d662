using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.ClusterTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server of its own (tests stop and start it), three silo processes and one
/// gateway process on free loopback ports, started with the commands the README gives. Tests kill
/// silos; <see cref="EnsureWholeAsync"/> starts the dead again and waits until all are members.
/// </summary>
public sealed class SiloCluster : IAsyncLifetime
{
    public const string Key = "cluster-tests-admin-key-0123456789";
    public const int SiloCount = 3;
    private const int DeadStatus = 6; // Orleans.Runtime.SiloStatus.Dead
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string _directory = Directory.CreateTempSubdirectory("oe-cluster-").FullName;
    private readonly int _gatewayHttpPort = FreePorts.Next();
    private string[] _keys = [];

    public PostgresServer Postgres { get; private set; } = null!;

    public string Database { get; private set; } = null!;

    public IReadOnlyList<SiloSlot> Silos { get; private set; } = [];

    public SiloProcess Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = await PostgresServer.StartOwnAsync();
        Database = await Postgres.CreateDatabaseAsync("cluster");
        _keys = [$"--Auth:ApiKeys:0:Key={Key}", "--Auth:ApiKeys:0:Role=admin", "--Gateway:RateLimit:Enabled=false"];
        string[] silo = [.. _keys, "--Storage:Provider=postgres", $"--ConnectionStrings:Events={Database}"];
        Silos = Enumerable.Range(0, SiloCount).Select(_ => new SiloSlot(_directory, silo)).ToList();

        // The first silo migrates the database; the others join it.
        await Silos[0].StartAsync(StartTimeout);
        await Task.WhenAll(Silos.Skip(1).Select(slot => slot.StartAsync(StartTimeout)));
        await StartGatewayAsync();
        await WaitForMembersAsync(SiloCount, StartTimeout);
    }

    /// <summary>Starts every silo that is not running (a paused one is killed first) and the gateway if it died; waits until all are members.</summary>
    public async Task EnsureWholeAsync()
    {
        foreach (var slot in Silos.Where(slot => slot.Process is { IsPaused: true }))
        {
            slot.Process!.Kill();
            await slot.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        await Task.WhenAll(Silos.Where(slot => !slot.IsRunning).Select(slot => slot.StartAsync(StartTimeout)));
        if (Gateway.HasExited)
        {
            await StartGatewayAsync();
        }

        await WaitForMembersAsync(SiloCount, StartTimeout);
    }

    public HttpClient Client(Uri baseAddress, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-API-Key", Key);
        return client;
    }

    /// <summary>The silo the cluster's log reader runs on, as the silos' readiness reports it.</summary>
    public async Task<SiloSlot> ReaderSiloAsync()
    {
        foreach (var slot in Silos.Where(slot => slot.IsRunning))
        {
            using var client = Client(slot.BaseAddress);
            var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
            var reader = ready.GetProperty("checks").GetProperty("log_reader").GetProperty("data").GetProperty("reader_silo").GetString()!;
            return Silos.Single(candidate => candidate.Is(reader));
        }

        throw new InvalidOperationException("No silo runs.");
    }

    /// <summary>The silos whose Orleans gateway port the gateway process holds a connection to.</summary>
    public IReadOnlyList<SiloSlot> SilosTheGatewayTalksTo()
    {
        var ports = TcpConnections.RemotePortsOf(Gateway.ProcessId);
        return Silos.Where(slot => ports.Contains(slot.GatewayPort)).ToList();
    }

    /// <summary>How long from now until the membership table shows <paramref name="slot"/>'s latest generation dead (at most <paramref name="timeout"/>).</summary>
    public async Task<TimeSpan?> TimeUntilDeclaredDeadAsync(SiloSlot slot, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT status FROM orleans_membership WHERE port = @port ORDER BY generation DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("port", slot.SiloPort);
        while (watch.Elapsed < timeout)
        {
            if (await command.ExecuteScalarAsync() is int status && status == DeadStatus)
            {
                return watch.Elapsed;
            }

            await Task.Delay(100);
        }

        return null;
    }

    /// <summary>Waits until every running silo and the gateway count <paramref name="count"/> active silos and are ready.</summary>
    public async Task WaitForMembersAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var processes = Silos.Where(slot => slot.IsRunning).Select(slot => (slot.BaseAddress, Check: "silo"))
            .Append((Gateway.BaseAddress, Check: "cluster")).ToList();
        while (true)
        {
            var counts = await Task.WhenAll(processes.Select(process => ActiveSilosAsync(process.BaseAddress, process.Check)));
            if (counts.All(seen => seen == count))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not every process saw {count} active silos in {timeout}: {string.Join(", ", counts)}.");
            }

            await Task.Delay(250);
        }
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var slot in Silos)
        {
            await slot.DisposeAsync();
        }

        await Postgres.StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task StartGatewayAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        Gateway = SiloProcess.StartGatewayOnPort(_directory, _gatewayHttpPort, [.. _keys, $"--ConnectionStrings:Events={Database}"]);
        await Gateway.WaitUntilReadyAsync(StartTimeout);
    }

    private async Task<int?> ActiveSilosAsync(Uri baseAddress, string check)
    {
        try
        {
            using var client = Client(baseAddress, TimeSpan.FromSeconds(5));
            using var response = await client.GetAsync("/health/ready");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var ready = await response.Content.ReadFromJsonAsync<JsonElement>();
            return ready.GetProperty("checks").GetProperty(check).GetProperty("data").GetProperty("active_silos").GetInt32();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or KeyNotFoundException)
        {
            return null;
        }
    }
}
