using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansEvents.ClusterTests.Infrastructure;

namespace OrleansEvents.ClusterTests;

/// <summary>Periodic work runs once per period across the cluster, never once per silo.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RetentionOnceTests(SiloCluster cluster) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oe-retention-").FullName;

    [Fact]
    public async Task TwoSilosWithTheRetentionRunDueRecordOneCleanupNotTwo()
    {
        // The next whole minute at least 20 s away: both silos schedule the run before it is due.
        var now = DateTime.UtcNow;
        var due = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(now.Second < 40 ? 1 : 2);
        var database = await cluster.Postgres.CreateDatabaseAsync("retention");
        string[] settings =
        [
            $"--Auth:ApiKeys:0:Key={SiloCluster.Key}", "--Auth:ApiKeys:0:Role=admin", "--Storage:Provider=postgres", $"--ConnectionStrings:Events={database}",
            $"--Events:Retention:CleanupTime={due.ToString("HH:mm", CultureInfo.InvariantCulture)}", "--Events:Retention:ReminderPeriod=00:00:02",
        ];
        await using var first = new SiloSlot(_directory, settings);
        await using var second = new SiloSlot(_directory, settings);
        await first.StartAsync(SiloCluster.StartTimeout);
        await second.StartAsync(SiloCluster.StartTimeout);
        Assert.True(DateTime.UtcNow < due, "The silos took so long to start that the run was due before they were.");

        using var client = cluster.Client(first.BaseAddress);
        var deadline = due.AddSeconds(60);
        while (await CleanupsAsync(client) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        // Several reminder periods more, for a second run that should not come.
        await Task.Delay(TimeSpan.FromSeconds(8));
        Assert.Equal(1, await CleanupsAsync(client));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<int> CleanupsAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/events?event_type=retention.cleanup_completed");
        return page.GetProperty("events").GetArrayLength();
    }
}
