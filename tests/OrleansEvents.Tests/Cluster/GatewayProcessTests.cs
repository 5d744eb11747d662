using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Cluster;

/// <summary>
/// <c>dotnet run --project Gateway</c> as an operator starts it: a process of its own beside a silo
/// process on one PostgreSQL database, reaching events only through the silo's grains.
/// </summary>
public sealed class GatewayProcessTests : IDisposable
{
    private const string Key = "gateway-process-key-0123456789";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _directory = Directory.CreateTempSubdirectory("oe-gateway-").FullName;

    [Fact]
    public async Task AGatewayProcessServesTheApiAndTheLiveFeedOfTheSilosItFindsInTheMembershipTable()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync("gateway");
        string[] keys = [$"--Auth:ApiKeys:0:Key={Key}", "--Auth:ApiKeys:0:Role=admin"];
        await using var silo = SiloProcess.Start(_directory, [.. keys, "--Storage:Provider=postgres", $"--ConnectionStrings:Events={database}"]);
        await silo.WaitUntilReadyAsync(StartTimeout);
        using var throughSilo = Client(silo);
        var siloCheck = (await throughSilo.GetFromJsonAsync<JsonElement>("/health/ready")).GetProperty("checks").GetProperty("silo").GetProperty("data");
        Assert.Equal(1, siloCheck.GetProperty("active_silos").GetInt32());
        Assert.StartsWith("127.0.0.1:", siloCheck.GetProperty("silo").GetString(), StringComparison.Ordinal);
        await using var gateway = SiloProcess.StartGateway(_directory, [.. keys, $"--ConnectionStrings:Events={database}"]);
        var ready = await (await gateway.WaitUntilReadyAsync(StartTimeout)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("postgres", ready.GetProperty("checks").GetProperty("storage").GetProperty("data").GetProperty("provider").GetString());
        Assert.Equal(1, ready.GetProperty("checks").GetProperty("cluster").GetProperty("data").GetProperty("active_silos").GetInt32());

        await using var live = await SseClient.OpenAsync(gateway.BaseAddress, Key, "/api/logs/stream?lead_id=via-gateway");
        using var throughGateway = Client(gateway);
        var first = await PostAsync(throughSilo, "posted to the silo");
        var second = await PostAsync(throughGateway, "posted to the gateway");

        // The live feed of the gateway sees both, once each and in log order, whichever process took them.
        var seen = new[] { await live.NextEventAsync(Patience), await live.NextEventAsync(Patience) }
            .Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("id").GetInt64());
        Assert.Equal([first, second], seen);

        // And what the gateway stored, the silo reads, and the other way round.
        Assert.Equal("posted to the gateway", (await throughSilo.GetFromJsonAsync<JsonElement>($"/api/events/{second}")).GetProperty("message").GetString());
        Assert.Equal("posted to the silo", (await throughGateway.GetFromJsonAsync<JsonElement>($"/api/events/{first}")).GetProperty("message").GetString());
        Assert.DoesNotContain("Exception", gateway.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGatewayWithoutTheEventsConnectionStringExitsWithOneLineSayingSo()
    {
        await using var gateway = SiloProcess.StartGateway(_directory);

        var exitCode = await gateway.WaitForExitAsync(StartTimeout);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(gateway.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("orleans-events: ConnectionStrings:Events is required", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGatewayThatFindsNoSiloGivesUpAfterItsStartupTimeoutWithOneLine()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync("gateway-alone");
        await MigrateAsync(database);
        await using var gateway = SiloProcess.StartGateway(_directory, $"--ConnectionStrings:Events={database}", "--Gateway:Cluster:StartupTimeout=00:00:03");

        var exitCode = await gateway.WaitForExitAsync(StartTimeout);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(gateway.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("orleans-events: no silo of the cluster answered", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGatewayThatCannotReachTheMembershipTableExitsWithOneLine()
    {
        await using var gateway = SiloProcess.StartGateway(
            _directory, "--ConnectionStrings:Events=Host=127.0.0.1;Port=1;Database=none;Timeout=2", "--Gateway:Cluster:StartupTimeout=00:00:02");

        var exitCode = await gateway.WaitForExitAsync(StartTimeout);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(gateway.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("orleans-events: cannot read the cluster's membership table", line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task MigrateAsync(string database)
    {
        await using var migrate = SiloProcess.Start(_directory, "migrate", "--Storage:Provider=postgres", $"--ConnectionStrings:Events={database}");
        Assert.Equal(0, await migrate.WaitForExitAsync(StartTimeout));
    }

    private static HttpClient Client(SiloProcess process)
    {
        var client = new HttpClient { BaseAddress = process.BaseAddress, Timeout = Patience };
        client.DefaultRequestHeaders.Add("X-API-Key", Key);
        return client;
    }

    private static async Task<long> PostAsync(HttpClient client, string message)
    {
        using var response = await client.PostAsJsonAsync("/api/events", new { event_type = "gateway.check", severity = "info", lead_id = "via-gateway", message });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
