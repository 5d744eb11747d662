using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Silo;

/// <summary>The silo as an operator meets it: a separate process, real ports, real files, Ctrl+C.</summary>
public sealed class SiloStartupTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("oe-silo-").FullName;

    [Fact]
    public async Task ServesReadyOnTheEmbeddedDefaultAndStopsCleanlyOnCtrlC()
    {
        await using var silo = SiloProcess.Start(_directory);

        var ready = await silo.WaitUntilReadyAsync(StartTimeout);
        var health = await ready.Content.ReadFromJsonAsync<JsonElement>();
        silo.Interrupt();
        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("sqlite", health.GetProperty("checks").GetProperty("storage").GetProperty("data").GetProperty("provider").GetString());
        Assert.True(File.Exists(Path.Combine(_directory, "data", "events.db")));
        Assert.Contains($"Now listening on: {silo.BaseAddress.ToString().TrimEnd('/')}", silo.Output, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task StopsPromptlyOnSigtermWhileLiveStreamsAreOpen()
    {
        const string key = "stop-test-key-0123456789";
        await using var silo = SiloProcess.Start(_directory, $"--Auth:ApiKeys:0:Key={key}", "--Auth:ApiKeys:0:Role=admin");
        await silo.WaitUntilReadyAsync(StartTimeout);
        await using var sse = await SseClient.OpenAsync(silo.BaseAddress, key, "/api/logs/stream");
        await using var hub = await HubClient.ConnectAsync(silo.BaseAddress, key);
        await hub.InvokeAsync("SubscribeAsync", null, null);

        silo.Terminate();
        // Well inside the host's 30-second shutdown timeout, which an open stream used to use up.
        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(0, exitCode);
        await Assert.ThrowsAsync<EndOfStreamException>(() => sse.NextEventAsync(TimeSpan.FromSeconds(5)));
        Assert.DoesNotContain("Unhandled exception", silo.Output + silo.Errors, StringComparison.Ordinal);
        // The rest of the shutdown still ran: the silo recorded that it stopped.
        Assert.Equal(1, await CountEventsAsync("silo.stopping"));
    }

    [Fact]
    public async Task AHubClientsBadFilterIsToldToItAndNotLoggedAsAServerFailure()
    {
        const string key = "hub-log-test-key-0123456789";
        await using var silo = SiloProcess.Start(_directory, $"--Auth:ApiKeys:0:Key={key}", "--Auth:ApiKeys:0:Role=read");
        await silo.WaitUntilReadyAsync(StartTimeout);
        await using var hub = await HubClient.ConnectAsync(silo.BaseAddress, key);

        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => hub.InvokeAsync("SubscribeAsync", new { severity = "bogus" }, null));
        await hub.InvokeAsync("SubscribeAsync", null, null); // the connection still works, and the refusal has been handled
        silo.Terminate();
        await silo.WaitForExitAsync(TimeSpan.FromSeconds(15));

        Assert.Contains("severity", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("HubException", silo.Output + silo.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListensWhereAspNetCoreUrlsSays()
    {
        await using var silo = SiloProcess.StartWithUrlsInEnvironment(_directory);

        await silo.WaitUntilReadyAsync(StartTimeout);

        Assert.Contains($"Now listening on: {silo.BaseAddress.ToString().TrimEnd('/')}", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchesToPostgresFromTheCommandLine()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync("silo");
        await using var silo = SiloProcess.Start(_directory, "--Storage:Provider=postgres", $"--ConnectionStrings:Events={connectionString}");

        var ready = await silo.WaitUntilReadyAsync(StartTimeout);
        var health = await ready.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("postgres", health.GetProperty("checks").GetProperty("storage").GetProperty("data").GetProperty("provider").GetString());
        // ./data holds only the generated admin key (no key is configured); no SQLite file is made.
        Assert.False(File.Exists(Path.Combine(_directory, "data", "events.db")));
    }

    [Fact]
    public async Task UnknownProviderExitsWithOneClearLine()
    {
        await using var silo = SiloProcess.Start(_directory, "--Storage:Provider=mysql");

        var exitCode = await silo.WaitForExitAsync(StartTimeout);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(Lines(silo.Errors));
        Assert.Contains("Storage:Provider 'mysql'", line, StringComparison.Ordinal);
        AssertNoStackTrace(silo);
    }

    [Fact]
    public async Task AnOrleansPortInUseExitsWithOneClearLine()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        await using var silo = SiloProcess.Start(_directory, $"--Orleans:SiloPort={port}");

        var exitCode = await silo.WaitForExitAsync(StartTimeout);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(Lines(silo.Errors));
        Assert.Contains("Orleans:SiloPort", line, StringComparison.Ordinal);
        Assert.Contains("in use", line, StringComparison.Ordinal);
        AssertNoStackTrace(silo);
    }

    [Theory]
    [InlineData("--Orleans:AdvertisedIPAddress=somewhere", "Orleans:AdvertisedIPAddress")]
    [InlineData("--Orleans:SiloPort=70000", "SiloPort")]
    [InlineData("--Orleans:ClusterId=two words", "ClusterId")]
    public async Task ABadOrleansSettingExitsWithOneClearLine(string argument, string named)
    {
        await using var silo = SiloProcess.Start(_directory, argument);

        var exitCode = await silo.WaitForExitAsync(StartTimeout);

        Assert.Equal(1, exitCode);
        Assert.Contains(named, Assert.Single(Lines(silo.Errors)), StringComparison.Ordinal);
        AssertNoStackTrace(silo);
    }

    [Fact]
    public async Task UnreachableDatabaseExitsWithOneClearLine()
    {
        await using var silo = SiloProcess.Start(_directory, "--Storage:Provider=postgres", "--ConnectionStrings:Events=Host=127.0.0.1;Port=1;Database=none;Timeout=3");

        var exitCode = await silo.WaitForExitAsync(StartTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("PostgreSQL is unavailable", Assert.Single(Lines(silo.Errors)), StringComparison.Ordinal);
        AssertNoStackTrace(silo);
    }

    [Fact]
    public async Task PostgresWithoutConnectionStringExitsWithOneClearLine()
    {
        await using var silo = SiloProcess.Start(_directory, "--Storage:Provider=postgres");

        var exitCode = await silo.WaitForExitAsync(StartTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ConnectionStrings:Events", Assert.Single(Lines(silo.Errors)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateVerbFromTwoProcessesAtOnceAppliesEachScriptOnceAndExits()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync("migrateverb");
        string[] arguments = ["migrate", "--Storage:Provider=postgres", $"--ConnectionStrings:Events={connectionString}"];
        await using var first = SiloProcess.Start(_directory, arguments);
        await using var second = SiloProcess.Start(_directory, arguments);

        var exitCodes = await Task.WhenAll(first.WaitForExitAsync(StartTimeout), second.WaitForExitAsync(StartTimeout));

        Assert.Equal([0, 0], exitCodes);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT version) FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
        Assert.True(reader.GetInt64(0) >= 1);
        Assert.Contains("Schema is up to date", first.Output + second.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<long> CountEventsAsync(string eventType)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "data", "events.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events WHERE event_type = $type";
        command.Parameters.AddWithValue("$type", eventType);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void AssertNoStackTrace(SiloProcess silo) =>
        Assert.DoesNotContain("   at ", silo.Output + silo.Errors, StringComparison.Ordinal);
}
